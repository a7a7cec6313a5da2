import { useState } from 'react';
import type { SaveOutcome } from '../../../app/save-outcome';
import type { FieldErrors } from '../strategy-form';

/** What MapEditDialog needs of the form; the re-apply etag is whatever their version carries (a string). */
export interface EditForm<Input> {
  saving: boolean;
  formError: string | null;
  conflict: { current: Record<string, unknown>; input: Input } | null;
  send(input: Input, etag: string): Promise<void>;
}

/**
 * The state both strategy-map edit dialogs keep: the form values, messages under fields and above the
 * buttons, and a 412 conflict (their version plus the input to re-apply). `send` saves and closes on success.
 */
export function useEditForm<Values extends object, Field extends keyof Values & string, Input, Etag>(
  initial: Values,
  save: (input: Input, etag: Etag) => Promise<SaveOutcome>,
  onClose: (changed: boolean) => void,
) {
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ current: Record<string, unknown>; input: Input } | null>(null);
  const [saving, setSaving] = useState(false);

  const change = (field: Field) => (value: Values[Field]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined })); // the message was about the old value
  };

  const send = async (input: Input, etag: Etag) => {
    setSaving(true);
    const outcome = await save(input, etag);
    setSaving(false);
    if (outcome.kind === 'done') return onClose(true);
    if (outcome.kind === 'conflict') return setConflict({ current: outcome.current, input });
    setConflict(null);
    setErrors(outcome.fields as FieldErrors<Field>);
    setFormError(outcome.message);
  };

  const fieldState = (field: Field) => (errors[field] ? { validationState: 'error' as const, validationMessage: errors[field] } : {});

  return { values, change, setErrors, fieldState, formError, conflict, saving, send };
}
