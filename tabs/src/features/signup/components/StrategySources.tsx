import { STARTER_TEMPLATES, type ImportResult, type SignupDraft } from '@contracts';
import { Body1, Button, Field, MessageBar, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowUploadRegular, DocumentBulletListRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { SignupApi } from '../api/signup-api';
import { useStepAction } from '../hooks/use-step-action';
import { FilePicker } from '../../../components/FilePicker';

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
  const [template, setTemplate] = useState(STARTER_TEMPLATES[0]!.id);
  const [file, setFile] = useState<{ name: string; contentType: string; text: string } | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  // Counts imports applied: the file picker forgets the chosen file after each.
  const [imports, setImports] = useState(0);
  const { busy, error, run } = useStepAction((current) => onSaved(current, 'The set-up changed meanwhile; showing the latest.'));

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
    onSaved(applied, `Imported ${applied.strategies.length} strategies from ${file.name}.`);
  };

  return (
    <div className={styles.box}>
      <div className={styles.row}>
        <Field label="Start from a template">
          <Select value={template} onChange={(_, data) => setTemplate(data.value)}>
            {STARTER_TEMPLATES.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}: {candidate.description}
              </option>
            ))}
          </Select>
        </Field>
        <Button icon={<DocumentBulletListRegular />} onClick={() => onTemplate(STARTER_TEMPLATES.find((t) => t.id === template)!.strategies)}>
          Use this template
        </Button>
      </div>
      <FilePicker
        label="Or import an existing strategy map export (JSON or CSV)"
        accept=".json,.csv,application/json,text/csv"
        hint="You see what would change before anything is imported."
        disabled={busy}
        onFile={choose}
        resetKey={imports}
      />
      {preview && (
        <MessageBar intent={preview.errors.length > 0 ? 'warning' : 'info'}>
          <MessageBarBody>
            {preview.errors.length > 0
              ? `The file has ${preview.errors.length} problem(s): ${preview.errors.map((e) => `${e.row === null ? '' : `row ${e.row}, `}${e.field}: ${e.message}`).join('; ')}`
              : `${file?.name}: ${preview.summary.create} new, ${preview.summary.update} changed, ${preview.summary.archive} removed.`}
          </MessageBarBody>
        </MessageBar>
      )}
      {preview && preview.errors.length === 0 && (
        <div>
          <Button appearance="primary" icon={<ArrowUploadRegular />} disabled={busy} onClick={() => void apply()}>
            Import these
          </Button>
        </div>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {busy && <Body1 role="status">Working…</Body1>}
    </div>
  );
}
