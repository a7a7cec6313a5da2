import { Body1, Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { tenantDeletionRequestSchema, type TenantDeletionStatus } from '@data-rights-contracts';
import { useId, useState, type FormEvent } from 'react';
import { ApiError, type ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { formatDate } from '../../../i18n';
import { dataRightsApi } from '../api/data-rights-api';
import { dataRightsText } from '../messages';
import { useValidationMessages } from '../../../app/validation-language';

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

const whenOf = (iso: string) => formatDate(iso, { dateStyle: 'long', timeStyle: 'short' });

/**
 * The organisation's deletion. While one is scheduled everyone sees when; everything keeps working
 * until then. An Admin schedules it by typing the organisation's name, and can cancel it until it starts.
 */
export function TenantDeletionSection({ client, status, onChanged, onMessage }: TenantDeletionSectionProps) {
  const styles = useStyles();
  const t = dataRightsText.useText();
  useValidationMessages();
  const hintId = useId();
  const [confirmation, setConfirmation] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const pending = status.state === 'scheduled' || status.state === 'deleting';

  const schedule = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = tenantDeletionRequestSchema.safeParse({ confirmation });
    // The schema's own words are English: the catalogue says what is missing.
    if (!parsed.success) return setFieldError(t('typeName'));
    setWorking(true);
    try {
      const next = await dataRightsApi.scheduleDeletion(client, parsed.data);
      setFieldError(null);
      setConfirmation('');
      onMessage({ intent: 'success', text: t('scheduled', { when: whenOf(next.deleteAfter ?? '') }) });
      onChanged();
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.confirmation) setFieldError(error.fieldErrors.confirmation);
      else onMessage({ intent: 'error', text: t('scheduleFailed', { reason: whatWentWrong(error) }) });
    } finally {
      setWorking(false);
    }
  };

  const cancel = async () => {
    setWorking(true);
    try {
      await dataRightsApi.cancelDeletion(client, status.etag ?? '');
      onMessage({ intent: 'success', text: t('cancelled') });
      onChanged();
    } catch (error) {
      onMessage({ intent: 'error', text: t('cancelFailed', { reason: whatWentWrong(error) }) });
      onChanged();
    } finally {
      setWorking(false);
    }
  };

  if (!pending && !status.canManage) return null;
  return (
    <section aria-labelledby="tenant-deletion" className={styles.section}>
      <Subtitle2 as="h2" id="tenant-deletion">
        {t('deletionHeading')}
      </Subtitle2>
      {pending && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('deletionScheduledTitle')}</MessageBarTitle>
            {t('deletionScheduledText', { tenant: status.tenantName, when: whenOf(status.deleteAfter ?? '') })}
          </MessageBarBody>
        </MessageBar>
      )}
      {pending && status.canManage && status.state === 'scheduled' && (
        <Button disabled={working} onClick={() => void cancel()}>
          {t('cancelDeletion')}
        </Button>
      )}
      {!pending && status.canManage && (
        <form className={styles.form} onSubmit={(event) => void schedule(event)} noValidate>
          <p id={hintId}>
            <Body1>{t('deletionText', { tenant: status.tenantName, days: status.gracePeriodDays })}</Body1>
          </p>
          <Field label={t('typeToConfirm', { tenant: status.tenantName })} validationMessage={fieldError ?? undefined} validationState={fieldError ? 'error' : 'none'} required>
            <Input className={styles.input} value={confirmation} aria-describedby={hintId} onChange={(_, data) => setConfirmation(data.value)} />
          </Field>
          <Button type="submit" appearance="primary" disabled={working}>
            {t('deleteIn', { days: status.gracePeriodDays })}
          </Button>
        </form>
      )}
    </section>
  );
}
