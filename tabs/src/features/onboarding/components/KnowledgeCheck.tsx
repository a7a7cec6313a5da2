import { Button, Checkbox, MessageBar, MessageBarBody, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { AnswerRecord, MyModule } from '../../../../../api/src/shared/onboarding-learner-contracts';

type LearnerQuestion = MyModule['questions'][number];

const useStyles = makeStyles({
  question: { display: 'grid', gap: tokens.spacingVerticalS, margin: 0, padding: 0, border: 'none', minWidth: 0, overflowWrap: 'anywhere' },
  options: { display: 'grid', gap: tokens.spacingVerticalXXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export interface KnowledgeCheckProps {
  question: LearnerQuestion;
  number: number;
  /** The latest answer recorded for it, if any (feedback shows straight away when resuming). */
  answered: AnswerRecord | undefined;
  busy: boolean;
  onAnswer: (selectedOptionIds: string[]) => Promise<AnswerRecord | null>;
}

/** One question: pick, check, and hear at once whether it was right, and why. A wrong answer can be tried again. */
export function KnowledgeCheck({ question, number, answered, busy, onAnswer }: KnowledgeCheckProps) {
  const styles = useStyles();
  const promptId = useId();
  const [selected, setSelected] = useState<string[]>(answered?.selectedOptionIds ?? []);
  const [result, setResult] = useState<AnswerRecord | undefined>(answered);
  const settled = result?.correct === true;
  const label = `Question ${number}: ${question.prompt}`;

  const toggle = (optionId: string, on: boolean) =>
    setSelected((current) => (on ? [...current.filter((id) => id !== optionId), optionId] : current.filter((id) => id !== optionId)));

  const check = async () => {
    const record = await onAnswer(selected);
    if (record) setResult(record);
  };

  return (
    <section aria-labelledby={promptId}>
      <fieldset className={styles.question}>
        <legend id={promptId}>
          <strong>{label}</strong>
          {question.kind === 'multiple' ? ' (choose all that apply)' : ''}
        </legend>
        {question.kind === 'single' ? (
          <RadioGroup aria-labelledby={promptId} value={selected[0] ?? ''} disabled={settled} onChange={(_, data) => setSelected([data.value])}>
            {question.options.map((option) => (
              <Radio key={option.id} value={option.id} label={option.text} />
            ))}
          </RadioGroup>
        ) : (
          <div className={styles.options} role="group" aria-labelledby={promptId}>
            {question.options.map((option) => (
              <Checkbox
                key={option.id}
                label={option.text}
                checked={selected.includes(option.id)}
                disabled={settled}
                onChange={(_, data) => toggle(option.id, data.checked === true)}
              />
            ))}
          </div>
        )}
        <div className={styles.actions}>
          <Button appearance="primary" disabled={settled || busy || selected.length === 0} onClick={() => void check()} aria-label={`Check answer to question ${number}`}>
            {result && !result.correct ? 'Try again' : 'Check answer'}
          </Button>
        </div>
        <div aria-live="polite">
          {result && (
            <MessageBar intent={result.correct ? 'success' : 'warning'} layout="multiline">
              <MessageBarBody>
                <strong>{result.correct ? 'Correct.' : 'Not quite.'}</strong> {result.explanation}
                {!result.correct && result.correctOptionIds.length > 0 && (
                  <>
                    {' '}
                    The right {result.correctOptionIds.length === 1 ? 'answer is' : 'answers are'}:{' '}
                    {question.options
                      .filter((option) => result.correctOptionIds.includes(option.id))
                      .map((option) => option.text)
                      .join('; ')}
                    .
                  </>
                )}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
      </fieldset>
    </section>
  );
}
