import { Button, Caption1, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { Delete16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { moduleLanguages, originalLanguage } from '../../../../../api/src/domain/onboarding/module-language';
import { adminText } from '../messages';
import { languageName } from '../format';
import { TRANSLATION_LANGUAGES, alignedTranslation, type ModuleDraft } from '../module-draft';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalS },
  picker: { flex: '0 1 14rem', minWidth: 0 },
});

export interface ModuleLanguagesProps {
  draft: ModuleDraft;
  /** The translation being edited; null: the original. */
  editing: string | null;
  onEditing: (language: string | null) => void;
  onChange: (next: Partial<ModuleDraft>) => void;
}

/** The module's original language, which of its languages is being edited, and adding or removing a translation. */
export function ModuleLanguages({ draft, editing, onEditing, onChange }: ModuleLanguagesProps) {
  const t = adminText.useText();
  const styles = useStyles();
  const original = originalLanguage(draft as Parameters<typeof originalLanguage>[0]);
  const languages = moduleLanguages(draft as Parameters<typeof moduleLanguages>[0]);
  const addable = TRANSLATION_LANGUAGES.filter((language) => !languages.includes(language));
  const [adding, setAdding] = useState<string>(addable.find((language) => language !== 'en') ?? addable[0] ?? '');
  const translations = draft.translations ?? {};

  const add = () => {
    if (!adding || languages.includes(adding)) return;
    onChange({ translations: { ...translations, [adding]: alignedTranslation(draft) } });
    onEditing(adding);
    setAdding(addable.find((language) => language !== adding) ?? '');
  };
  const remove = (language: string) => {
    const rest = Object.fromEntries(Object.entries(translations).filter(([key]) => key !== language));
    onChange({ translations: Object.keys(rest).length > 0 ? rest : undefined });
    onEditing(null);
  };

  return (
    <>
      <Caption1>{t('language.hint')}</Caption1>
      <div className={styles.row}>
        <Field className={styles.picker} label={t('language.original')}>
          <Select value={original} onChange={(_, data) => onChange({ language: data.value })}>
            {[...new Set([original, ...TRANSLATION_LANGUAGES])]
              .filter((language) => language === original || !(language in translations))
              .map((language) => (
                <option key={language} value={language}>
                  {languageName(language)}
                </option>
              ))}
          </Select>
        </Field>
        <Field className={styles.picker} label={t('language.editing')}>
          <Select value={editing ?? original} onChange={(_, data) => onEditing(data.value === original ? null : data.value)}>
            {languages.map((language) => (
              <option key={language} value={language}>
                {language === original ? t('language.originalOption', { language: languageName(language) }) : languageName(language)}
              </option>
            ))}
          </Select>
        </Field>
        {editing && (
          <Button icon={<Delete16Regular />} onClick={() => remove(editing)}>
            {t('language.remove', { language: languageName(editing) })}
          </Button>
        )}
      </div>
      {addable.length > 0 && (
        <div className={styles.row}>
          <Field className={styles.picker} label={t('language.add')}>
            <Select value={adding} onChange={(_, data) => setAdding(data.value)}>
              {addable.map((language) => (
                <option key={language} value={language}>
                  {languageName(language)}
                </option>
              ))}
            </Select>
          </Field>
          <Button onClick={add}>{t('language.addButton')}</Button>
        </div>
      )}
    </>
  );
}
