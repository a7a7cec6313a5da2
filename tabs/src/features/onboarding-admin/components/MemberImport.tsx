import { Button, Field, MessageBar, MessageBarBody, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError, type ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { GroupPicker } from '../../../components/GroupPicker';
import type { PickedOption } from '../../../components/PagedPicker';
import type { Cohort, MemberImportPreview } from '../../../../../api/src/shared/onboarding-cohort-contracts';
import { cohortsApi, previewFromError } from '../api/onboarding-admin-api';
import { ImportPreviewTable } from './ImportPreviewTable';
import { FilePicker } from '../../../components/FilePicker';
import { adminText } from '../messages';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalS },
  grow: { flex: '1 1 14rem', minWidth: 0 },
});

type Source = { kind: 'csv'; csv: string } | { kind: 'group'; groupId: string };

/** Adds people from a CSV of UPNs/emails (pasted or uploaded) or from an Entra group: preview first, then add. */
export function MemberImport({ client, cohort, onChanged }: { client: ApiClient; cohort: Cohort; onChanged: (cohort: Cohort) => void }) {
  const t = adminText.useText();
  const styles = useStyles();
  const [csv, setCsv] = useState('');
  const [group, setGroup] = useState<PickedOption | null>(null);
  const [preview, setPreview] = useState<{ source: Source; result: MemberImportPreview } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [groupError, setGroupError] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const call = (source: Source, dryRun: boolean) =>
    source.kind === 'csv' ? cohortsApi.importCsv(client, cohort.id, source.csv, dryRun) : cohortsApi.fromGroup(client, cohort.id, source.groupId, dryRun);

  const run = async (source: Source, dryRun: boolean) => {
    setBusy(true);
    setProblem(null);
    setGroupError(undefined);
    setStatus('');
    try {
      const result = await call(source, dryRun);
      if (dryRun) {
        setPreview({ source, result });
        setStatus(t('import.previewStatus', { add: result.toAdd, errors: result.errors }));
        if (result.errors > 0) setProblem(t('import.fixRows', { count: result.errors }));
      } else {
        setPreview(null);
        if (source.kind === 'csv') setCsv('');
        else setGroup(null);
        if (result.cohort) onChanged(result.cohort);
        setStatus(t('import.added', { count: result.toAdd, cohort: cohort.name }));
      }
    } catch (error) {
      const rows = error instanceof ApiError ? previewFromError(error.body) : null;
      if (rows) {
        setPreview({ source, result: rows });
        setProblem(t('import.nothingAdded', { count: rows.errors }));
      } else if (error instanceof ApiError && error.fieldErrors.groupId) {
        setGroupError(error.fieldErrors.groupId);
      } else {
        setProblem(whatWentWrong(error));
      }
    } finally {
      setBusy(false);
    }
  };

  const readFile = async (file: File | undefined) => {
    if (file) setCsv(await file.text());
  };

  return (
    <div className={styles.form}>
      <Field label={t('import.csvLabel')} hint={t('import.csvHint')}>
        <Textarea value={csv} rows={4} resize="vertical" onChange={(_, data) => setCsv(data.value)} />
      </Field>
      <div className={styles.row}>
        <FilePicker label={t('import.upload')} accept=".csv,text/csv,text/plain" onFile={readFile} />
        <Button disabled={busy || csv.trim() === ''} onClick={() => void run({ kind: 'csv', csv }, true)}>
          {t('import.previewCsv')}
        </Button>
      </div>
      <div className={styles.row}>
        <Field className={styles.grow} label={t('import.group')} hint={t('import.groupHint')} validationMessage={groupError} validationState={groupError ? 'error' : 'none'}>
          <GroupPicker client={client} selected={group} onSelect={setGroup} />
        </Field>
        <Button disabled={busy || !group} onClick={() => group && void run({ kind: 'group', groupId: group.id }, true)}>
          {t('import.previewGroup')}
        </Button>
      </div>
      {problem && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {preview && (
        <>
          <ImportPreviewTable preview={preview.result} caption={t('import.caption')} />
          <div className={styles.row}>
            <Button appearance="primary" disabled={busy || preview.result.errors > 0 || preview.result.toAdd === 0} onClick={() => void run(preview.source, false)}>
              {t('import.add', { count: preview.result.toAdd })}
            </Button>
            <Button appearance="subtle" onClick={() => setPreview(null)}>
              {t('import.cancel')}
            </Button>
          </div>
        </>
      )}
      <div role="status" aria-live="polite">
        {status}
      </div>
    </div>
  );
}
