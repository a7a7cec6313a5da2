import { Field, Input, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { ModuleTranslation } from '../../../../../api/src/shared/onboarding-contracts';
import { adminText } from '../messages';
import { alignedTranslation, replaceAt, type ModuleDraft } from '../module-draft';
import { BlockEditor } from './BlockEditor';
import { useEditorListStyles } from './editor-list-styles';

const useStyles = makeStyles({
  heading: { margin: 0 },
  fields: { display: 'grid', gap: tokens.spacingVerticalS, minWidth: 0 },
});

export interface TranslationEditorProps {
  draft: ModuleDraft;
  /** BCP 47 primary tag of the translation, e.g. "de". */
  language: string;
  /** The language's name in the leader's language, e.g. "Deutsch" / "German". */
  languageName: string;
  errors: Readonly<Record<string, string>>;
  onChange: (translation: ModuleTranslation) => void;
}

/**
 * One translation of a module: the original's sections, blocks and questions, in the same order, with
 * this language's words. Ids, right answers and kinds are the original's and not edited here.
 */
export function TranslationEditor({ draft, language, languageName, errors, onChange }: TranslationEditorProps) {
  const t = adminText.useText();
  const styles = useStyles();
  const listStyles = useEditorListStyles();
  const translation = alignedTranslation(draft, draft.translations?.[language]);
  const path = `translations.${language}`;
  const error = (field: string) => ({ validationMessage: errors[`${path}.${field}`], validationState: errors[`${path}.${field}`] ? ('error' as const) : ('none' as const) });
  // The words typed here are in the translation's language, whatever the page's.
  const words = { lang: language, dir: 'auto' as const };
  const set = (next: Partial<ModuleTranslation>) => onChange({ ...translation, ...next });

  return (
    <section className={styles.fields} aria-label={t('translation.region', { language: languageName })} lang={language}>
      <Field label={t('editor.title')} required {...error('title')}>
        <Input {...words} value={translation.title} onChange={(_, data) => set({ title: data.value })} />
      </Field>
      <Field label={t('editor.summary')} {...error('summary')}>
        <Textarea {...words} value={translation.summary} resize="vertical" onChange={(_, data) => set({ summary: data.value })} />
      </Field>
      <ol className={listStyles.list} aria-label={t('editor.sections')}>
        {translation.sections.map((section, index) => (
          <li key={section.id} className={listStyles.item}>
            <Field label={t('section.title', { section: index + 1 })} {...error(`sections.${index}.title`)}>
              <Input {...words} value={section.title} onChange={(_, data) => set({ sections: replaceAt(translation.sections, index, { ...section, title: data.value }) })} />
            </Field>
            {section.blocks.map((block, blockIndex) => (
              <div key={blockIndex} dir="auto">
                <BlockEditor
                  block={block}
                  path={`${path}.sections.${index}.blocks.${blockIndex}`}
                  errors={errors}
                  onChange={(next) => set({ sections: replaceAt(translation.sections, index, { ...section, blocks: replaceAt(section.blocks, blockIndex, next) }) })}
                />
              </div>
            ))}
          </li>
        ))}
      </ol>
      {translation.questions.length > 0 && (
        <Subtitle2 as="h4" className={styles.heading}>
          {t('editor.checks')}
        </Subtitle2>
      )}
      <ol className={listStyles.list} aria-label={t('editor.checks')}>
        {translation.questions.map((question, index) => {
          const at = `questions.${index}`;
          const setQuestion = (next: Partial<typeof question>) => set({ questions: replaceAt(translation.questions, index, { ...question, ...next }) });
          return (
            <li key={question.id} className={listStyles.item}>
              <Field label={t('question.prompt', { question: index + 1 })} {...error(`${at}.prompt`)}>
                <Textarea {...words} value={question.prompt} resize="vertical" onChange={(_, data) => setQuestion({ prompt: data.value })} />
              </Field>
              {question.options.map((option, optionIndex) => (
                <Field key={option.id} label={t('question.option', { option: optionIndex + 1, question: index + 1 })} {...error(`${at}.options.${optionIndex}.text`)}>
                  <Input {...words} value={option.text} onChange={(_, data) => setQuestion({ options: replaceAt(question.options, optionIndex, { ...option, text: data.value }) })} />
                </Field>
              ))}
              <Field label={t('question.explanation', { question: index + 1 })} {...error(`${at}.explanation`)}>
                <Textarea {...words} value={question.explanation} resize="vertical" onChange={(_, data) => setQuestion({ explanation: data.value })} />
              </Field>
            </li>
          );
        })}
      </ol>
      <Field label={t('editor.acknowledgement')} required {...error('acknowledgement')}>
        <Input {...words} value={translation.acknowledgement} onChange={(_, data) => set({ acknowledgement: data.value })} />
      </Field>
    </section>
  );
}
