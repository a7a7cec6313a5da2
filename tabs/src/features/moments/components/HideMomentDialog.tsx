import { Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError, type ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { FormDialog } from '../../../components/FormDialog';
import { hideMoment } from '../api/moments-api';

/** A leader hides a moment, saying why (kept in the audit trail). */
export function HideMomentDialog({ client, momentId, onHidden, onClose }: { client: ApiClient; momentId: string; onHidden(): void; onClose(): void }) {
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
      setError(`We couldn't hide the moment. ${whatWentWrong(failure)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormDialog title="Hide this moment" submitLabel="Hide moment" busy={busy} error={error} onSubmit={submit} onClose={onClose} size="narrow">
      <Field label="Why hide it?" required validationMessage={fieldError} hint="Everyone stops seeing it; the reason is kept in the audit trail.">
        <Textarea value={reason} onChange={(_, data) => setReason(data.value)} maxLength={300} />
      </Field>
    </FormDialog>
  );
}
