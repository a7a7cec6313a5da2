import { Body1, Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { tenantDeletionRequestSchema, type TenantDeletionStatus } from '@data-rights-contracts';
import { useId, useState, type FormEvent } from 'react';
import { ApiError, type ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { dataRightsApi } from '../api/data-rights-api';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start', '& p': { margin: 0 } },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start', width: '100%', maxWidth: '28rem' },
  input: { width: '100%' },
});

export interface TenantDeletionSectionProps {
  client: ApiClient;
  status: TenantDeletionStatus;
  onChanged: () => void;
  onMessage: (message: { intent: 'success' | 'error'; text: string }) => void;
}

const whenOf = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });

/**
 * The organisation's deletion. While one is scheduled everyone sees when; everything keeps working
 * until then. An Admin schedules it by typing the organisation's name, and can cancel it until it starts.
 */
export function TenantDeletionSection({ client, status, onChanged, onMessage }: TenantDeletionSectionProps) {
  const styles = useStyles();
  const hintId = useId();
  const [confirmation, setConfirmation] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const pending = status.state === 'scheduled' || status.state === 'deleting';

  const schedule = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = tenantDeletionRequestSchema.safeParse({ confirmation });
    if (!parsed.success) return setFieldError(parsed.error.issues[0]?.message ?? 'Type the organisation’s name');
    setWorking(true);
    try {
      const next = await dataRightsApi.scheduleDeletion(client, parsed.data);
      setFieldError(null);
      setConfirmation('');
      onMessage({ intent: 'success', text: `Deletion scheduled: everything goes on ${whenOf(next.deleteAfter ?? '')} unless an Admin cancels it.` });
      onChanged();
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.confirmation) setFieldError(error.fieldErrors.confirmation);
      else onMessage({ intent: 'error', text: `We couldn't schedule the deletion. ${whatWentWrong(error)}` });
    } finally {
      setWorking(false);
    }
  };

  const cancel = async () => {
    setWorking(true);
    try {
      await dataRightsApi.cancelDeletion(client, status.etag ?? '');
      onMessage({ intent: 'success', text: 'The deletion is cancelled. Nothing was deleted.' });
      onChanged();
    } catch (error) {
      onMessage({ intent: 'error', text: `We couldn't cancel the deletion. ${whatWentWrong(error)}` });
      onChanged();
    } finally {
      setWorking(false);
    }
  };

  if (!pending && !status.canManage) return null;
  return (
    <section aria-labelledby="tenant-deletion" className={styles.section}>
      <Subtitle2 as="h2" id="tenant-deletion">
        Delete the organisation’s data
      </Subtitle2>
      {pending && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Deletion scheduled</MessageBarTitle>
            All of {status.tenantName}’s data in Line of Sight will be deleted on {whenOf(status.deleteAfter ?? '')}. Until then everything works as usual: download your data before then.
          </MessageBarBody>
        </MessageBar>
      )}
      {pending && status.canManage && status.state === 'scheduled' && (
        <Button disabled={working} onClick={() => void cancel()}>
          Cancel the deletion
        </Button>
      )}
      {!pending && status.canManage && (
        <form className={styles.form} onSubmit={(event) => void schedule(event)} noValidate>
          <p id={hintId}>
            <Body1>
              Deletes every record of {status.tenantName} after {status.gracePeriodDays} days. Until then any Admin can cancel it; afterwards nothing can be recovered. Export everything first if you need it.
            </Body1>
          </p>
          <Field label={`Type “${status.tenantName}” to confirm`} validationMessage={fieldError ?? undefined} validationState={fieldError ? 'error' : 'none'} required>
            <Input className={styles.input} value={confirmation} aria-describedby={hintId} onChange={(_, data) => setConfirmation(data.value)} />
          </Field>
          <Button type="submit" appearance="primary" disabled={working}>
            Delete all data in {status.gracePeriodDays} days
          </Button>
        </form>
      )}
    </section>
  );
}
