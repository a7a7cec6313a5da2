import type { ImportResult } from '@contracts';
import { Button, Field, MessageBar, MessageBarBody, Spinner, Subtitle1, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowUploadRegular, EyeRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { ApiError, type ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { createImportExportApi, importErrorsOf, type ImportFormat } from '../api/import-export-api';
import { ImportPreview } from './ImportPreview';
import { FilePicker } from '../../../components/FilePicker';

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** Saves a downloaded file under the name the API gave it. */
function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

type Status = { kind: 'idle' } | { kind: 'busy'; what: string } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

/** Export the strategy map as JSON or CSV; import one with a dry-run preview first. */
export default function ImportExportPanel({ client, onImported }: { client: ApiClient; onImported(): void }) {
  const styles = useStyles();
  const api = useMemo(() => createImportExportApi(client), [client]);
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<{ text: string; result: ImportResult } | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const busy = status.kind === 'busy';

  const exportAs = async (format: ImportFormat) => {
    setStatus({ kind: 'busy', what: `Exporting ${format.toUpperCase()}…` });
    try {
      const file = await api.exportMap(format);
      save(file.blob, file.filename);
      setStatus({ kind: 'done', text: `Exported ${file.filename}.` });
    } catch (error) {
      setStatus({ kind: 'error', text: whatWentWrong(error) });
    }
  };

  const chooseFile = async (file: File) => {
    setText(await file.text());
    setPreview(null);
  };

  const runPreview = async () => {
    setStatus({ kind: 'busy', what: 'Checking the import…' });
    try {
      setPreview({ text, result: await api.preview(text) });
      setStatus({ kind: 'idle' });
    } catch (error) {
      setPreview(null);
      setStatus({ kind: 'error', text: whatWentWrong(error) });
    }
  };

  const runImport = async () => {
    if (!preview) return;
    setStatus({ kind: 'busy', what: 'Importing…' });
    try {
      const result = await api.apply(preview.text, preview.result.mapVersion);
      const { create, update, archive } = result.summary;
      setPreview(null);
      setText('');
      setStatus({ kind: 'done', text: `Imported: ${create} created, ${update} updated, ${archive} archived.` });
      onImported();
    } catch (error) {
      const errors = importErrorsOf(error);
      if (errors) setPreview({ ...preview, result: { ...preview.result, errors } });
      setStatus({
        kind: 'error',
        text:
          error instanceof ApiError && error.status === 412
            ? 'The strategy map changed since your preview, so nothing was imported. Preview again, then import.'
            : `Nothing was imported. ${whatWentWrong(error)}`,
      });
    }
  };

  const canImport = preview !== null && preview.text === text && preview.result.errors.length === 0 && !busy;

  return (
    <section className={styles.section} aria-labelledby="import-export-heading">
      <Subtitle1 as="h2" id="import-export-heading" className={styles.heading}>
        Import and export
      </Subtitle1>
      <div className={styles.row}>
        <Button icon={<ArrowDownloadRegular />} disabled={busy} onClick={() => void exportAs('json')}>
          Export JSON
        </Button>
        <Button icon={<ArrowDownloadRegular />} disabled={busy} onClick={() => void exportAs('csv')}>
          Export CSV
        </Button>
      </div>
      <FilePicker label="Choose a file to import" accept=".json,.csv,application/json,text/csv" hint="A JSON or CSV file exported from Line of Sight." onFile={chooseFile} />
      <Field label="Or paste JSON or CSV">
        <Textarea resize="vertical" rows={6} value={text} onChange={(_, data) => (setText(data.value), setPreview(null))} />
      </Field>
      <div className={styles.row}>
        <Button icon={<EyeRegular />} disabledFocusable={!text.trim() || busy} onClick={() => void runPreview()}>
          Preview import
        </Button>
        <Button appearance="primary" icon={<ArrowUploadRegular />} disabledFocusable={!canImport} onClick={() => void runImport()}>
          Import
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {status.kind === 'busy' && <Spinner size="tiny" label={status.what} />}
        {status.kind === 'done' && (
          <MessageBar intent="success">
            <MessageBarBody>{status.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {status.kind === 'error' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
      {preview && <ImportPreview result={preview.result} />}
    </section>
  );
}
