import type { ImportResult, SignupDraft } from '@contracts';
import { Body1, Button, Field, MessageBar, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowUploadRegular, DocumentBulletListRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import type { SignupApi } from '../api/signup-api';
import { useStepAction } from '../hooks/use-step-action';
import { FilePicker } from '../../../components/FilePicker';
import { signupText } from '../messages';
import { importPreviewText, starterTemplates } from '../signup-text';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
});

export interface StrategySourcesProps {
  api: SignupApi;
  draft: SignupDraft;
  /** A starter template's strategies, to edit before saving. */
  onTemplate(strategies: { title: string; why: string; customerImpact: string; measures: string[] }[]): void;
  onSaved(draft: SignupDraft, message: string): void;
}

const contentTypeOf = (file: File) => (file.name.toLowerCase().endsWith('.csv') || file.type.includes('csv') ? 'text/csv' : 'application/json');

/** Other ways to the first strategies: a starter template, or an existing JSON or CSV export (previewed first). */
export function StrategySources({ api, draft, onTemplate, onSaved }: StrategySourcesProps) {
  const styles = useStyles();
  const t = signupText.useText();
  const templates = useMemo(starterTemplates, []);
  const [template, setTemplate] = useState(templates[0]!.id);
  const [file, setFile] = useState<{ name: string; contentType: string; text: string } | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  // Counts imports applied: the file picker forgets the chosen file after each.
  const [imports, setImports] = useState(0);
  const { busy, error, run } = useStepAction((current) => onSaved(current, t('stale')));

  const choose = async (chosen: File) => {
    const read = { name: chosen.name, contentType: contentTypeOf(chosen), text: await chosen.text() };
    setFile(read);
    setPreview((await run(() => api.importStrategies(read))) ?? null);
  };
  const apply = async () => {
    if (!file) return;
    const applied = await run(async () => {
      await api.importStrategies(file, { etag: draft.etag });
      return (await api.status()).draft;
    });
    if (!applied) return;
    setFile(null);
    setPreview(null);
    setImports((count) => count + 1);
    onSaved(applied, t('sources.imported', { count: applied.strategies.length, file: file.name }));
  };

  return (
    <div className={styles.box}>
      <div className={styles.row}>
        <Field label={t('sources.template')}>
          <Select value={template} onChange={(_, data) => setTemplate(data.value)}>
            {templates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {t('sources.templateOption', { name: candidate.name, description: candidate.description })}
              </option>
            ))}
          </Select>
        </Field>
        <Button icon={<DocumentBulletListRegular />} onClick={() => onTemplate(templates.find((candidate) => candidate.id === template)!.strategies)}>
          {t('sources.useTemplate')}
        </Button>
      </div>
      <FilePicker
        label={t('sources.import')}
        accept=".json,.csv,application/json,text/csv"
        hint={t('sources.importHint')}
        disabled={busy}
        onFile={choose}
        resetKey={imports}
      />
      {preview && (
        <MessageBar intent={preview.errors.length > 0 ? 'warning' : 'info'}>
          <MessageBarBody>
            {importPreviewText(preview, file?.name ?? '')}
          </MessageBarBody>
        </MessageBar>
      )}
      {preview && preview.errors.length === 0 && (
        <div>
          <Button appearance="primary" icon={<ArrowUploadRegular />} disabled={busy} onClick={() => void apply()}>
            {t('sources.importThese')}
          </Button>
        </div>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {busy && <Body1 role="status">{t('sources.working')}</Body1>}
    </div>
  );
}
