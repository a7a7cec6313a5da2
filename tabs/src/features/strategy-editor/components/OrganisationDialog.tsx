import { Field, Input, Textarea } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { SaveOutcome } from '../../../app/save-outcome';
import type { EditableOrganisation, OrganisationInput } from '../api/schemas';
import { FIELD_LABELS } from '../../../components/strategy-map-labels';
import { useEditForm } from '../hooks/use-edit-form';
import { strategyEditorText } from '../messages';
import { MapEditDialog, type FormMapping } from './MapEditDialog';
import {
  checkOrganisation,
  organisationFormValues,
  organisationInput,
  type OrganisationField,
  type OrganisationFormValues,
} from '../strategy-form';

const ORGANISATION_LABELS = FIELD_LABELS as Readonly<Record<OrganisationField, string>>;

interface Props {
  organisation: EditableOrganisation;
  save(input: OrganisationInput, etag: string): Promise<SaveOutcome>;
  onClose(changed: boolean, tookTheirs?: boolean): void;
}

/** Edit the top of the chain: vision, mission, values and what makes the organisation different. */
export default function OrganisationDialog({ organisation, save, onClose }: Props) {
  const t = strategyEditorText.useText();
  const initial = useMemo(() => organisationFormValues(organisation), [organisation]);
  const form = useEditForm<
    OrganisationFormValues,
    OrganisationField,
    OrganisationInput,
    string
  >(initial, save, onClose);
  const { values, change, setErrors, fieldState, send } = form;
  const mapping: FormMapping<OrganisationFormValues, OrganisationInput> = {
    initial,
    valuesOf: (current) => organisationFormValues(current as unknown as EditableOrganisation),
    inputOf: (resolved, theirs) => {
      const input = organisationInput(resolved);
      return JSON.stringify(input) === JSON.stringify(organisationInput(theirs)) ? null : input;
    },
  };

  const submit = async () => {
    const problems = checkOrganisation(values);
    if (Object.keys(problems).length > 0) return setErrors(problems);
    return send(organisationInput(values), organisation.etag);
  };

  const text = (field: OrganisationField, rows: number, hint?: string) => (
    <Field label={ORGANISATION_LABELS[field]} hint={hint} required={field === 'vision'} {...fieldState(field)}>
      <Textarea dir="auto" resize="vertical" rows={rows} value={values[field]} onChange={(_, data) => change(field)(data.value)} />
    </Field>
  );

  return (
    <MapEditDialog title={t('dialog.organisationTitle')} form={form} mapping={mapping} onSubmit={submit} onClose={onClose}>
      <Field label={ORGANISATION_LABELS.name} required {...fieldState('name')}>
        <Input dir="auto" value={values.name} onChange={(_, data) => change('name')(data.value)} />
      </Field>
      {text('vision', 2)}
      {text('mission', 3)}
      {text('values', 4, t('dialog.valuesHint'))}
      {text('differentiator', 3)}
    </MapEditDialog>
  );
}
