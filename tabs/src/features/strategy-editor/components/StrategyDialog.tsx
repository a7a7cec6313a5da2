import { Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { SaveOutcome } from '../../../app/save-outcome';
import { FIELD_LABELS, PROGRESS_WORDS } from '../../../components/strategy-map-labels';
import { PROGRESS, type EditableStrategy, type Person, type Progress, type StrategyInput } from '../api/schemas';
import { useEditForm } from '../hooks/use-edit-form';
import { MapEditDialog, type FormMapping } from './MapEditDialog';
import {
  MAX_MEASURES,
  checkStrategy,
  emptyStrategyForm,
  strategyChanges,
  strategyFormValues,
  strategyInput,
  type StrategyField,
  type StrategyFormValues,
} from '../strategy-form';

const STRATEGY_LABELS = FIELD_LABELS as Readonly<Record<StrategyField, string>>;

const useStyles = makeStyles({
  pair: { display: 'grid', gap: tokens.spacingHorizontalM, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 12rem), 1fr))', '& > *': { minWidth: 0 } },
});

interface Props {
  /** The strategy to edit, or null to add one. */
  strategy: EditableStrategy | null;
  people: Person[];
  /** Sends the change; `etag` is the version it is based on (absent when creating). */
  save(input: Partial<StrategyInput>, etag: string | undefined): Promise<SaveOutcome>;
  /** Closes the dialog; `changed` when something was saved (or theirs was accepted) and the map should reload. */
  onClose(changed: boolean, tookTheirs?: boolean): void;
}

/** Add or edit a strategy; a 412 shows their version next to mine instead of overwriting it. */
export default function StrategyDialog({ strategy, people, save, onClose }: Props) {
  const styles = useStyles();
  const initial = useMemo(() => (strategy ? strategyFormValues(strategy) : emptyStrategyForm), [strategy]);
  const form = useEditForm<
    StrategyFormValues,
    StrategyField,
    Partial<StrategyInput>,
    string | undefined
  >(initial, save, onClose);
  const { values, change, setErrors, fieldState, send } = form;
  const mapping: FormMapping<StrategyFormValues, Partial<StrategyInput>> = {
    initial,
    valuesOf: (current) => strategyFormValues(current as unknown as EditableStrategy),
    // The title goes along even when unchanged, so the confirmation can name the strategy as saved.
    inputOf: (resolved, theirs) => {
      const changes = strategyChanges(theirs, resolved);
      return changes && { title: resolved.title.trim(), ...changes };
    },
    picks: ['ownerId', 'progress'],
    nameOf: (id) => people.find((person) => person.id === id)?.displayName,
  };

  const submit = async () => {
    const problems = checkStrategy(values);
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    if (!strategy) return send(strategyInput(values), undefined);
    const changes = strategyChanges(initial, values);
    if (!changes) return onClose(false);
    return send(changes, strategy.etag);
  };

  const title = strategy ? `Edit ${strategy.title}` : 'Add a strategy';

  return (
    <MapEditDialog title={title} form={form} mapping={mapping} onSubmit={submit} onClose={onClose}>
      <Field label={STRATEGY_LABELS.title} required {...fieldState('title')}>
        <Input value={values.title} onChange={(_, data) => change('title')(data.value)} />
      </Field>
      <Field label={STRATEGY_LABELS.why} hint="Without it the strategy is flagged incomplete." {...fieldState('why')}>
        <Textarea resize="vertical" rows={3} value={values.why} onChange={(_, data) => change('why')(data.value)} />
      </Field>
      <Field label={STRATEGY_LABELS.customerImpact} hint="Without it the strategy is flagged incomplete." {...fieldState('customerImpact')}>
        <Textarea resize="vertical" rows={3} value={values.customerImpact} onChange={(_, data) => change('customerImpact')(data.value)} />
      </Field>
      <div className={styles.pair}>
        <Field label={STRATEGY_LABELS.ownerId} {...fieldState('ownerId')}>
          <Select value={values.ownerId} onChange={(_, data) => change('ownerId')(data.value)}>
            <option value="">Nobody yet</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.displayName}
                {person.teamName ? ` (${person.teamName})` : ''}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={STRATEGY_LABELS.progress} {...fieldState('progress')}>
          <Select value={values.progress} onChange={(_, data) => change('progress')(data.value as Progress)}>
            {PROGRESS.map((progress) => (
              <option key={progress} value={progress}>
                {PROGRESS_WORDS[progress]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={STRATEGY_LABELS.measures} hint={`Optional: up to ${MAX_MEASURES}, one per line.`} {...fieldState('measures')}>
        <Textarea resize="vertical" rows={3} value={values.measures} onChange={(_, data) => change('measures')(data.value)} />
      </Field>
    </MapEditDialog>
  );
}
