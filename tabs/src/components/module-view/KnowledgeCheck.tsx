import { Button, Checkbox, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { AnswerRecord, MyModule } from '../../../../api/src/shared/onboarding-learner-contracts';
import { formatList } from '../../i18n';
import { componentsText } from '../messages';

type LearnerQuestion = MyModule['questions'][number];

const useStyles = makeStyles({
  question: { display: 'grid', gap: tokens.spacingVerticalS, margin: 0, padding: 0, border: 'none', minWidth: 0, overflowWrap: 'anywhere' },
  options: { display: 'grid', gap: tokens.spacingVerticalXXS },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  feedback: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export interface KnowledgeCheckProps {
  question: LearnerQuestion;
  number: number;
  /** The latest answer recorded for it, if any (feedback shows straight away when resuming). */
  answered: AnswerRecord | undefined;
  busy: boolean;
  /** Checks the answer (the API for a learner; the draft itself in an author's preview). */
  onAnswer: (selectedOptionIds: string[]) => Promise<AnswerRecord | null>;
}

const sameSelection = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));

/**
 * One question: pick, check, and hear at once whether it was right. A wrong answer says why (the
 * author's words about the options picked) but not which option is right: that comes with a right
 * answer or the second wrong one. Changing the answer and checking again is the "try again".
 */
export function KnowledgeCheck({ question, number, answered, busy, onAnswer }: KnowledgeCheckProps) {
  const styles = useStyles();
  const t = componentsText.useText();
  const promptId = useId();
  const statusId = useId();
  const [selected, setSelected] = useState<string[]>(answered?.selectedOptionIds ?? []);
  const [result, setResult] = useState<AnswerRecord | undefined>(answered);
  const settled = result?.correct === true;
  // Checking the same wrong answer again would only spend a try.
  const unchanged = result !== undefined && !result.correct && sameSelection(selected, result.selectedOptionIds);
  const label = t('check.question', { number, prompt: question.prompt });

  const toggle = (optionId: string, on: boolean) =>
    setSelected((current) => (on ? [...current.filter((id) => id !== optionId), optionId] : current.filter((id) => id !== optionId)));

  const check = async () => {
    const record = await onAnswer(selected);
    if (record) setResult(record);
  };

  const rightAnswers = result?.revealed
    ? question.options.filter((option) => result.correctOptionIds.includes(option.id)).map((option) => option.text)
    : [];

  return (
    <section aria-labelledby={promptId}>
      <fieldset className={styles.question}>
        <legend id={promptId}>
          <strong dir="auto">{label}</strong>
          {question.kind === 'multiple' ? t('check.chooseAll') : ''}
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
        {!settled && (
          <div className={styles.actions}>
            {/* The visible label is the accessible name; the question it checks is its description. */}
            <Button appearance="primary" disabled={busy || selected.length === 0 || unchanged} onClick={() => void check()} aria-describedby={unchanged ? `${promptId} ${statusId}` : promptId}>
              {t('check.check')}
            </Button>
            {unchanged && <span id={statusId}>{t('check.changeFirst')}</span>}
          </div>
        )}
        <div aria-live="polite">
          {result && (
            <MessageBar intent={result.correct ? 'success' : 'warning'} layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{result.correct ? t('check.correct') : result.revealed ? t('check.wrong') : t('check.notYet')}</MessageBarTitle>
                {result.feedback.length > 0 && (
                  <ul className={styles.feedback}>
                    {result.feedback.map((line) => (
                      <li key={line} dir="auto">
                        {line}
                      </li>
                    ))}
                  </ul>
                )}
                {!result.correct && !result.revealed && t('check.tryAgain')}
                {!result.correct && rightAnswers.length > 0 && t('check.rightAnswers', { count: rightAnswers.length, answers: formatList(rightAnswers) })}
                {result.explanation && ` ${result.explanation}`}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
      </fieldset>
    </section>
  );
}
