import { Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError, type ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { FormDialog } from '../../../components/FormDialog';
import { hideMoment } from '../api/moments-api';
import { momentsText } from '../messages';

/** A leader hides a moment, saying why (kept in the audit trail). */
export function HideMomentDialog({ client, momentId, onHidden, onClose }: { client: ApiClient; momentId: string; onHidden(): void; onClose(): void }) {
  const t = momentsText.useText();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await hideMoment(client, momentId, reason);
      onHidden();
    } catch (failure) {
      setFieldError(failure instanceof ApiError ? failure.fieldErrors.reason : undefined);
      setError(t('hide.failed', { reason: whatWentWrong(failure) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormDialog title={t('hide.title')} submitLabel={t('hide.submit')} busy={busy} error={error} onSubmit={submit} onClose={onClose} size="narrow">
      <Field label={t('hide.why')} required validationMessage={fieldError} hint={t('hide.hint')}>
        <Textarea dir="auto" value={reason} onChange={(_, data) => setReason(data.value)} maxLength={300} />
      </Field>
    </FormDialog>
  );
}
