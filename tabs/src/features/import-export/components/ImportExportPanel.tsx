import type { ImportResult } from '@contracts';
import { Button, Field, MessageBar, MessageBarBody, Spinner, Subtitle1, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowUploadRegular, EyeRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { ApiError, type ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { useActionToast } from '../../../components/ActionToaster';
import { createImportExportApi, importErrorsOf, type ImportFormat } from '../api/import-export-api';
import { ImportPreview } from './ImportPreview';
import { FilePicker } from '../../../components/FilePicker';
import { formatNumber } from '../../../i18n';
import { importExportText } from '../messages';

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

type Status = { kind: 'idle' } | { kind: 'busy'; what: string } | { kind: 'error'; text: string };

/** Export the strategy map as JSON or CSV; import one with a dry-run preview first. */
export default function ImportExportPanel({ client, onImported }: { client: ApiClient; onImported(): void }) {
  const styles = useStyles();
  const t = importExportText.useText();
  const api = useMemo(() => createImportExportApi(client), [client]);
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<{ text: string; result: ImportResult } | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const toast = useActionToast();
  const busy = status.kind === 'busy';

  const exportAs = async (format: ImportFormat) => {
    setStatus({ kind: 'busy', what: t('exporting', { format: format.toUpperCase() }) });
    try {
      const file = await api.exportMap(format);
      save(file.blob, file.filename);
      setStatus({ kind: 'idle' });
      toast(t('exported', { file: file.filename }));
    } catch (error) {
      setStatus({ kind: 'error', text: whatWentWrong(error) });
    }
  };

  const chooseFile = async (file: File) => {
    setText(await file.text());
    setPreview(null);
  };

  const runPreview = async () => {
    setStatus({ kind: 'busy', what: t('checking') });
    try {
      // The preview names the owners it changes: no directory to load here.
      const result = await api.preview(text);
      setPreview({ text, result });
      setStatus({ kind: 'idle' });
    } catch (error) {
      setPreview(null);
      setStatus({ kind: 'error', text: whatWentWrong(error) });
    }
  };

  const runImport = async () => {
    if (!preview) return;
    setStatus({ kind: 'busy', what: t('importing') });
    try {
      const result = await api.apply(preview.text, preview.result.mapVersion);
      const { create, update, archive } = result.summary;
      setPreview(null);
      setText('');
      setStatus({ kind: 'idle' });
      toast(
        t('imported', { created: create, updated: formatNumber(update), archived: formatNumber(archive) }),
        archive > 0 ? { body: t('importedArchivedBody') } : undefined,
      );
      onImported();
    } catch (error) {
      const errors = importErrorsOf(error);
      if (errors) setPreview({ ...preview, result: { ...preview.result, errors } });
      setStatus({
        kind: 'error',
        text:
          error instanceof ApiError && error.status === 412
            ? t('mapChanged')
            : t('nothingImported', { reason: whatWentWrong(error) }),
      });
    }
  };

  const canImport = preview !== null && preview.text === text && preview.result.errors.length === 0 && !busy;

  return (
    <section className={styles.section} aria-labelledby="import-export-heading">
      <Subtitle1 as="h2" id="import-export-heading" className={styles.heading}>
        {t('heading')}
      </Subtitle1>
      <div className={styles.row}>
        <Button icon={<ArrowDownloadRegular />} disabled={busy} onClick={() => void exportAs('json')}>
          {t('exportJson')}
        </Button>
        <Button icon={<ArrowDownloadRegular />} disabled={busy} onClick={() => void exportAs('csv')}>
          {t('exportCsv')}
        </Button>
      </div>
      <FilePicker label={t('chooseFile')} accept=".json,.csv,application/json,text/csv" hint={t('chooseFileHint')} onFile={chooseFile} />
      <Field label={t('paste')}>
        <Textarea resize="vertical" rows={6} value={text} onChange={(_, data) => (setText(data.value), setPreview(null))} />
      </Field>
      <div className={styles.row}>
        <Button icon={<EyeRegular />} disabledFocusable={!text.trim() || busy} onClick={() => void runPreview()}>
          {t('preview')}
        </Button>
        <Button appearance="primary" icon={<ArrowUploadRegular />} disabledFocusable={!canImport} onClick={() => void runImport()}>
          {t('import')}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {status.kind === 'busy' && <Spinner size="tiny" label={status.what} />}
      </div>
      {status.kind === 'error' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
      {preview && <ImportPreview result={preview.result} nameOf={(id) => preview.result.names?.[id]} />}
    </section>
  );
}
