import { useState } from 'react';
import type { RecentChange, SaveOutcome } from '../../../app/save-outcome';
import type { FieldErrors } from '../strategy-form';

/** A 412: their version, who changed it lately, and my form as it was when I saved. */
export interface EditConflict<Values> {
  current: Record<string, unknown>;
  recentChanges: RecentChange[];
  mine: Values;
}

/** What MapEditDialog needs of the form; a resolved conflict is saved with the etag their version carries. */
export interface EditForm<Values, Input> {
  saving: boolean;
  formError: string | null;
  values: Values;
  conflict: EditConflict<Values> | null;
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
  const [conflict, setConflict] = useState<EditConflict<Values> | null>(null);
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
    if (outcome.kind === 'conflict') return setConflict({ current: outcome.current, recentChanges: outcome.recentChanges, mine: values });
    setConflict(null);
    setErrors(outcome.fields as FieldErrors<Field>);
    setFormError(outcome.message);
  };

  const fieldState = (field: Field) => (errors[field] ? { validationState: 'error' as const, validationMessage: errors[field] } : {});

  return { values, change, setErrors, fieldState, formError, conflict, saving, send };
}
