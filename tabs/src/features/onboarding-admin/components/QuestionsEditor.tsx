import { Button, Checkbox, Field, Input, Radio, RadioGroup, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { Delete16Regular } from '@fluentui/react-icons';
import { emptyQuestion, newId, removeAt, replaceAt, type DraftQuestion } from '../module-draft';
import { useEditorListStyles } from './editor-list-styles';
import { adminText } from '../messages';

const useStyles = makeStyles({
  option: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalS },
  grow: { flex: '1 1 12rem', minWidth: 0 },
  full: { flex: '1 1 100%', minWidth: 0 },
});

export interface QuestionsEditorProps {
  questions: DraftQuestion[];
  errors: Readonly<Record<string, string>>;
  onChange: (questions: DraftQuestion[]) => void;
}

/**
 * Knowledge checks: single or multiple choice, the right answers marked, why each option is right or
 * wrong (said to whoever picks it), a hint for a wrong answer, and the explanation shown with the right answer.
 */
export function QuestionsEditor({ questions, errors, onChange }: QuestionsEditorProps) {
  const t = adminText.useText();
  const styles = useStyles();
  const listStyles = useEditorListStyles();
  const set = (index: number, question: DraftQuestion) => onChange(replaceAt(questions, index, question));
  const error = (path: string) => ({ validationMessage: errors[path], validationState: errors[path] ? ('error' as const) : ('none' as const) });

  return (
    <>
      <ol className={listStyles.list} aria-label={t('editor.checks')}>
        {questions.map((question, index) => {
          const path = `questions.${index}`;
          const number = index + 1;
          const toggleCorrect = (optionId: string, on: boolean) =>
            set(index, {
              ...question,
              correctOptionIds: question.kind === 'single' ? [optionId] : on ? [...new Set([...question.correctOptionIds, optionId])] : question.correctOptionIds.filter((id) => id !== optionId),
            });
          return (
            <li key={question.id} className={listStyles.item}>
              <Field label={t('question.prompt', { question: number })} {...error(`${path}.prompt`)}>
                <Textarea value={question.prompt} resize="vertical" onChange={(_, data) => set(index, { ...question, prompt: data.value })} />
              </Field>
              <Field label={t('question.kind', { question: number })}>
                <RadioGroup
                  layout="horizontal"
                  value={question.kind}
                  onChange={(_, data) =>
                    set(index, { ...question, kind: data.value as DraftQuestion['kind'], correctOptionIds: question.correctOptionIds.slice(0, data.value === 'single' ? 1 : undefined) })
                  }
                >
                  <Radio value="single" label={t('question.single')} />
                  <Radio value="multiple" label={t('question.multiple')} />
                </RadioGroup>
              </Field>
              {question.options.map((option, optionIndex) => (
                <div key={option.id} className={styles.option}>
                  <Field className={styles.grow} label={t('question.option', { option: optionIndex + 1, question: number })} {...error(`${path}.options.${optionIndex}.text`)}>
                    <Input value={option.text} onChange={(_, data) => set(index, { ...question, options: replaceAt(question.options, optionIndex, { ...option, text: data.value }) })} />
                  </Field>
                  <Checkbox
                    label={t('question.right')}
                    aria-label={t('question.rightLabel', { option: optionIndex + 1, question: number })}
                    checked={question.correctOptionIds.includes(option.id)}
                    onChange={(_, data) => toggleCorrect(option.id, data.checked === true)}
                  />
                  <Button
                    size="small"
                    icon={<Delete16Regular />}
                    disabled={question.options.length <= 2}
                    aria-label={t('question.removeOption', { option: optionIndex + 1, question: number })}
                    onClick={() =>
                      set(index, { ...question, options: removeAt(question.options, optionIndex), correctOptionIds: question.correctOptionIds.filter((id) => id !== option.id) })
                    }
                  />
                  <Field className={styles.full} label={t('question.optionWhy', { option: optionIndex + 1, question: number })} {...error(`${path}.options.${optionIndex}.explanation`)}>
                    <Input
                      value={option.explanation ?? ''}
                      onChange={(_, data) => set(index, { ...question, options: replaceAt(question.options, optionIndex, { ...option, explanation: data.value }) })}
                    />
                  </Field>
                </div>
              ))}
              {errors[`${path}.correctOptionIds`] && <Field {...error(`${path}.correctOptionIds`)} />}
              <div>
                <Button size="small" onClick={() => set(index, { ...question, options: [...question.options, { id: newId('o', question.options.map((o) => o.id)), text: '' }] })}>
                  {t('question.addOption', { question: number })}
                </Button>
              </div>
              <Field label={t('question.hint', { question: number })} {...error(`${path}.hint`)}>
                <Input value={question.hint ?? ''} onChange={(_, data) => set(index, { ...question, hint: data.value })} />
              </Field>
              <Field label={t('question.explanation', { question: number })} {...error(`${path}.explanation`)}>
                <Textarea value={question.explanation} resize="vertical" onChange={(_, data) => set(index, { ...question, explanation: data.value })} />
              </Field>
              <div>
                <Button icon={<Delete16Regular />} onClick={() => onChange(removeAt(questions, index))}>
                  {t('question.remove', { question: number })}
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <div>
        <Button onClick={() => onChange([...questions, emptyQuestion(questions.map((question) => question.id))])}>{t('question.add')}</Button>
      </div>
    </>
  );
}
