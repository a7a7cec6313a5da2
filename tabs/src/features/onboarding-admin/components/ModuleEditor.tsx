import { Button, Field, Input, MessageBar, MessageBarBody, Select, Subtitle1, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { moduleLanguages, originalLanguage } from '../../../../../api/src/domain/onboarding/module-language';
import type { ModuleContent, OnboardingModule } from '../../../../../api/src/shared/onboarding-contracts';
import { ApiError, type ApiClient } from '../../../app/api-client';
import { outcomeOf } from '../../../app/save-outcome';
import { modulesApi } from '../api/onboarding-admin-api';
import { contentOf, draftFrom, emptyDraft, type ModuleDraft } from '../module-draft';
import { languageName } from '../format';
import { ModuleLanguages } from './ModuleLanguages';
import { ModulePreview } from './ModulePreview';
import { TranslationEditor } from './TranslationEditor';
import { QuestionsEditor } from './QuestionsEditor';
import { SectionsEditor } from './SectionsEditor';
import { adminText } from '../messages';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalL, minWidth: 0 },
  heading: { margin: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  minutes: { maxWidth: '10rem' },
});

const FIELDS = ['title', 'summary', 'estimatedMinutes', 'sections', 'questions', 'acknowledgement'] as const;

export interface ModuleEditorProps {
  client: ApiClient;
  /** null: a new module. */
  module: OnboardingModule | null;
  onSaved: (module: OnboardingModule) => void;
  onClose: () => void;
}

/** A module's draft: edit, save (If-Match), publish as an immutable version. */
export function ModuleEditor({ client, module, onSaved, onClose }: ModuleEditorProps) {
  const t = adminText.useText();
  const styles = useStyles();
  const [draft, setDraft] = useState<ModuleDraft>(() => (module ? draftFrom(module.content) : emptyDraft()));
  const [saved, setSaved] = useState<OnboardingModule | null>(module);
  const [dirty, setDirty] = useState(module === null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [previewLanguage, setPreviewLanguage] = useState<string | null>(null);
  const asContent = draft as ModuleContent;
  const change = (next: Partial<ModuleDraft>) => {
    setDraft((current) => ({ ...current, ...next }));
    setDirty(true);
  };

  const fail = (error: unknown) => {
    const outcome = outcomeOf(error, FIELDS);
    setErrors(error instanceof ApiError ? { ...error.fieldErrors } : {});
    setProblem(outcome.kind === 'conflict' ? t('editor.conflict') : outcome.kind === 'rejected' ? (outcome.message ?? t('editor.checkFields')) : null);
    setStatus('');
  };

  const save = async (): Promise<OnboardingModule | null> => {
    const next = saved ? await modulesApi.update(client, saved.id, contentOf(draft), saved.etag) : await modulesApi.create(client, contentOf(draft));
    setSaved(next);
    setDirty(false);
    setErrors({});
    setProblem(null);
    onSaved(next);
    return next;
  };

  const act = async (action: () => Promise<string>) => {
    setBusy(true);
    try {
      setStatus(await action());
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const publish = () =>
    act(async () => {
      const current = dirty || !saved ? await save() : saved;
      if (!current) return '';
      const { version, module: refreshed } = await modulesApi.publish(client, current.id, current.etag);
      setSaved(refreshed);
      onSaved(refreshed);
      return t('editor.publishedVersion', { version: version.version });
    });

  const fieldError = (path: string) => ({ validationMessage: errors[path], validationState: errors[path] ? ('error' as const) : ('none' as const) });

  return (
    <section className={styles.form} aria-labelledby="module-editor-heading">
      <Subtitle1 as="h2" id="module-editor-heading" className={styles.heading}>
        {saved ? t('modules.editNamed', { title: saved.content.title }) : t('modules.new')}
      </Subtitle1>
      {problem && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {previewing ? (
        <>
          <Field label={t('language.preview')} className={styles.minutes}>
            <Select value={previewLanguage ?? originalLanguage(asContent)} onChange={(_, data) => setPreviewLanguage(data.value)}>
              {moduleLanguages(asContent).map((language) => (
                <option key={language} value={language}>
                  {languageName(language)}
                </option>
              ))}
            </Select>
          </Field>
          <ModulePreview client={client} draft={draft} language={previewLanguage ?? originalLanguage(asContent)} />
        </>
      ) : (
        <>
          <Subtitle2 as="h3" className={styles.heading}>
            {t('editor.languages')}
          </Subtitle2>
          <ModuleLanguages draft={draft} editing={editing} onEditing={setEditing} onChange={change} />
        </>
      )}
      {!previewing && editing && (
        <TranslationEditor
          draft={draft}
          language={editing}
          languageName={languageName(editing)}
          errors={errors}
          onChange={(translation) => change({ translations: { ...draft.translations, [editing]: translation } })}
        />
      )}
      {!previewing && !editing && (
        <>
          <Field label={t('editor.title')} required {...fieldError('title')}>
            <Input value={draft.title} onChange={(_, data) => change({ title: data.value })} />
          </Field>
          <Field label={t('editor.summary')} {...fieldError('summary')}>
            <Textarea value={draft.summary} resize="vertical" onChange={(_, data) => change({ summary: data.value })} />
          </Field>
          <Field label={t('editor.minutes')} className={styles.minutes} {...fieldError('estimatedMinutes')}>
            <Input type="number" min={1} value={String(draft.estimatedMinutes)} onChange={(_, data) => change({ estimatedMinutes: Number(data.value) })} />
          </Field>
          <Subtitle2 as="h3" className={styles.heading}>
            {t('editor.sections')}
          </Subtitle2>
          {errors.sections && <MessageBar intent="error"><MessageBarBody>{errors.sections}</MessageBarBody></MessageBar>}
          <SectionsEditor sections={draft.sections} errors={errors} onChange={(sections) => change({ sections })} />
          <Subtitle2 as="h3" className={styles.heading}>
            {t('editor.checks')}
          </Subtitle2>
          <QuestionsEditor questions={draft.questions} errors={errors} onChange={(questions) => change({ questions })} />
          <Field label={t('editor.acknowledgement')} required {...fieldError('acknowledgement')}>
            <Input value={draft.acknowledgement} onChange={(_, data) => change({ acknowledgement: data.value })} />
          </Field>
        </>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || !dirty} onClick={() => void act(async () => ((await save()) ? t('editor.saved') : ''))}>
          {t('editor.save')}
        </Button>
        <Button disabled={busy || (!dirty && saved?.hasUnpublishedChanges === false)} onClick={() => void publish()}>
          {t('editor.publish')}
        </Button>
        <Button aria-pressed={previewing} onClick={() => setPreviewing((on) => !on)}>
          {previewing ? t('editor.backToEditing') : t('editor.preview')}
        </Button>
        <Button appearance="subtle" onClick={onClose}>
          {t('editor.close')}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {status}
      </div>
    </section>
  );
}
