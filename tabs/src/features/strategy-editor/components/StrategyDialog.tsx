import { Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { PagedPicker, type PickedOption } from '../../../components/PagedPicker';
import type { FetchPage } from '../../../components/use-paged-search';
import type { SaveOutcome } from '../../../app/save-outcome';
import { FIELD_LABELS, PROGRESS_WORDS } from '../../../components/strategy-map-labels';
import { PROGRESS, type EditableStrategy, type Person, type Progress, type StrategyInput } from '../api/schemas';
import { useEditForm } from '../hooks/use-edit-form';
import { strategyEditorText } from '../messages';
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
  /** People by name, a page at a time (GET /api/people?q=&limit=&cursor=), for the owner. */
  findPeople: FetchPage<Person>;
  /** Sends the change; `etag` is the version it is based on (absent when creating). */
  save(input: Partial<StrategyInput>, etag: string | undefined): Promise<SaveOutcome>;
  /** Closes the dialog; `changed` when something was saved (or theirs was accepted) and the map should reload. */
  onClose(changed: boolean, tookTheirs?: boolean): void;
}

/** Add or edit a strategy; a 412 shows their version next to mine instead of overwriting it. */
export default function StrategyDialog({ strategy, findPeople, save, onClose }: Props) {
  const styles = useStyles();
  const t = strategyEditorText.useText();
  const initial = useMemo(() => (strategy ? strategyFormValues(strategy) : emptyStrategyForm), [strategy]);
  const form = useEditForm<
    StrategyFormValues,
    StrategyField,
    Partial<StrategyInput>,
    string | undefined
  >(initial, save, onClose);
  const { values, change, setErrors, fieldState, send } = form;
  // The owner's name as last picked (or as the strategy has it): the picker shows it without loading everyone.
  const [ownerLabel, setOwnerLabel] = useState(strategy?.ownerName ?? '');
  const owner: PickedOption | null = values.ownerId ? { id: values.ownerId, label: ownerLabel } : null;
  const mapping: FormMapping<StrategyFormValues, Partial<StrategyInput>> = {
    initial,
    valuesOf: (current) => strategyFormValues(current as unknown as EditableStrategy),
    // The title goes along even when unchanged, so the confirmation can name the strategy as saved.
    inputOf: (resolved, theirs) => {
      const changes = strategyChanges(theirs, resolved);
      return changes && { title: resolved.title.trim(), ...changes };
    },
    picks: ['ownerId', 'progress'],
    // Names the form has without loading everyone: the owner as picked, as the strategy had it, or as their version has it.
    nameOf: (id) => {
      if (id === values.ownerId && ownerLabel) return ownerLabel;
      if (id === strategy?.ownerId && strategy.ownerName) return strategy.ownerName;
      const theirs = form.conflict?.current;
      return theirs && id === theirs.ownerId && typeof theirs.ownerName === 'string' ? theirs.ownerName : undefined;
    },
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

  const title = strategy ? t('dialog.editTitle', { title: strategy.title }) : t('dialog.addTitle');

  return (
    <MapEditDialog title={title} form={form} mapping={mapping} onSubmit={submit} onClose={onClose}>
      <Field label={STRATEGY_LABELS.title} required {...fieldState('title')}>
        <Input dir="auto" value={values.title} onChange={(_, data) => change('title')(data.value)} />
      </Field>
      <Field label={STRATEGY_LABELS.why} hint={t('dialog.flaggedIncomplete')} {...fieldState('why')}>
        <Textarea dir="auto" resize="vertical" rows={3} value={values.why} onChange={(_, data) => change('why')(data.value)} />
      </Field>
      <Field label={STRATEGY_LABELS.customerImpact} hint={t('dialog.flaggedIncomplete')} {...fieldState('customerImpact')}>
        <Textarea dir="auto" resize="vertical" rows={3} value={values.customerImpact} onChange={(_, data) => change('customerImpact')(data.value)} />
      </Field>
      <div className={styles.pair}>
        <Field label={STRATEGY_LABELS.ownerId} {...fieldState('ownerId')}>
          <PagedPicker
            fetchPage={findPeople}
            toOption={(person) => ({ id: person.id, label: person.displayName, detail: person.teamName ?? undefined })}
            selected={owner}
            onSelect={(picked) => (setOwnerLabel(picked?.label ?? ''), change('ownerId')(picked?.id ?? ''))}
            noneLabel={t('dialog.nobodyYet')}
            noun={{ one: t('dialog.person'), many: t('dialog.people') }}
            placeholder={t('dialog.typeName')}
          />
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
      <Field label={STRATEGY_LABELS.measures} hint={t('dialog.measuresHint', { count: MAX_MEASURES })} {...fieldState('measures')}>
        <Textarea dir="auto" resize="vertical" rows={3} value={values.measures} onChange={(_, data) => change('measures')(data.value)} />
      </Field>
    </MapEditDialog>
  );
}
