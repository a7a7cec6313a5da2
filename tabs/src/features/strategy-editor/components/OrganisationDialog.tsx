import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState, type FormEvent } from 'react';
import { ConflictPanel } from '../../../components/ConflictPanel';
import type { SaveOutcome } from '../../../app/save-outcome';
import type { EditableOrganisation, OrganisationInput } from '../api/schemas';
import {
  checkOrganisation,
  conflictRows,
  organisationFormValues,
  organisationInput,
  type FieldErrors,
  type OrganisationField,
  type OrganisationFormValues,
} from '../strategy-form';

export const ORGANISATION_LABELS: Record<OrganisationField, string> = {
  name: 'Organisation name',
  vision: 'Vision',
  mission: 'Mission',
  values: 'Values',
  differentiator: 'What makes us different',
};

const useStyles = makeStyles({
  surface: { maxWidth: 'min(40rem, calc(100vw - 2rem))' },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, '& > *': { minWidth: 0 } },
});

interface Props {
  organisation: EditableOrganisation;
  save(input: OrganisationInput, etag: string): Promise<SaveOutcome>;
  onClose(changed: boolean): void;
}

/** Edit the top of the chain: vision, mission, values and what makes the organisation different. */
export default function OrganisationDialog({ organisation, save, onClose }: Props) {
  const styles = useStyles();
  const initial = useMemo(() => organisationFormValues(organisation), [organisation]);
  const [values, setValues] = useState<OrganisationFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors<OrganisationField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ current: Record<string, unknown>; input: OrganisationInput } | null>(null);
  const [saving, setSaving] = useState(false);

  const change = (field: OrganisationField) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const send = async (input: OrganisationInput, etag: string) => {
    setSaving(true);
    const outcome = await save(input, etag);
    setSaving(false);
    if (outcome.kind === 'done') return onClose(true);
    if (outcome.kind === 'conflict') return setConflict({ current: outcome.current, input });
    setConflict(null);
    setErrors(outcome.fields as FieldErrors<OrganisationField>);
    setFormError(outcome.message);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const problems = checkOrganisation(values);
    if (Object.keys(problems).length > 0) return setErrors(problems);
    return send(organisationInput(values), organisation.etag);
  };

  const fieldState = (field: OrganisationField) =>
    errors[field] ? { validationState: 'error' as const, validationMessage: errors[field] } : {};
  const text = (field: OrganisationField, rows: number, hint?: string) => (
    <Field label={ORGANISATION_LABELS[field]} hint={hint} required={field === 'vision'} {...fieldState(field)}>
      <Textarea resize="vertical" rows={rows} value={values[field]} onChange={(_, data) => change(field)(data.value)} />
    </Field>
  );

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && !saving && onClose(false)}>
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <DialogBody>
            <DialogTitle>Edit vision, mission and values</DialogTitle>
            <DialogContent className={styles.fields}>
              {conflict ? (
                <ConflictPanel
                  rows={conflictRows(conflict.current, conflict.input, ORGANISATION_LABELS)}
                  busy={saving}
                  onUseTheirs={() => onClose(true)}
                  onReapplyMine={() => void send(conflict.input, String(conflict.current.etag ?? ''))}
                />
              ) : (
                <>
                  <Field label={ORGANISATION_LABELS.name} required {...fieldState('name')}>
                    <Input value={values.name} onChange={(_, data) => change('name')(data.value)} />
                  </Field>
                  {text('vision', 2)}
                  {text('mission', 3)}
                  {text('values', 4, 'One per line: the value, a dash, then what it means.')}
                  {text('differentiator', 3)}
                </>
              )}
              {formError && (
                <MessageBar intent="error" layout="multiline" role="alert">
                  <MessageBarBody>{formError}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button disabled={saving}>Cancel</Button>
              </DialogTrigger>
              {!conflict && (
                <Button type="submit" appearance="primary" disabledFocusable={saving} icon={saving ? <Spinner size="tiny" /> : undefined}>
                  Save
                </Button>
              )}
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
