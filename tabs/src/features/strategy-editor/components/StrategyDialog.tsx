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
  Select,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState, type FormEvent } from 'react';
import { ConflictPanel } from '../../../components/ConflictPanel';
import type { SaveOutcome } from '../../../app/save-outcome';
import { PROGRESS, PROGRESS_LABELS, type EditableStrategy, type Person, type Progress, type StrategyInput } from '../api/schemas';
import {
  MAX_MEASURES,
  checkStrategy,
  conflictRows,
  emptyStrategyForm,
  strategyChanges,
  strategyFormValues,
  strategyInput,
  type FieldErrors,
  type StrategyField,
  type StrategyFormValues,
} from '../strategy-form';

export const STRATEGY_LABELS: Record<StrategyField, string> = {
  title: 'Title',
  why: 'Why it is a focus now',
  customerImpact: 'How it serves customers',
  ownerId: 'Owner',
  progress: 'Progress',
  measures: 'Measures of success',
};

const useStyles = makeStyles({
  surface: { maxWidth: 'min(40rem, calc(100vw - 2rem))' },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, '& > *': { minWidth: 0 } },
  pair: { display: 'grid', gap: tokens.spacingHorizontalM, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 12rem), 1fr))', '& > *': { minWidth: 0 } },
});

interface Props {
  /** The strategy to edit, or null to add one. */
  strategy: EditableStrategy | null;
  people: Person[];
  /** Sends the change; `etag` is the version it is based on (absent when creating). */
  save(input: Partial<StrategyInput>, etag: string | undefined): Promise<SaveOutcome>;
  /** Closes the dialog; `changed` when something was saved (or theirs was accepted) and the map should reload. */
  onClose(changed: boolean): void;
}

/** Add or edit a strategy; a 412 shows their version next to mine instead of overwriting it. */
export default function StrategyDialog({ strategy, people, save, onClose }: Props) {
  const styles = useStyles();
  const initial = useMemo(() => (strategy ? strategyFormValues(strategy) : emptyStrategyForm), [strategy]);
  const [values, setValues] = useState<StrategyFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors<StrategyField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ current: Record<string, unknown>; changes: Partial<StrategyInput> } | null>(null);
  const [saving, setSaving] = useState(false);

  const change = (field: StrategyField) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const send = async (changes: Partial<StrategyInput>, etag: string | undefined) => {
    setSaving(true);
    const outcome = await save(changes, etag);
    setSaving(false);
    if (outcome.kind === 'done') return onClose(true);
    if (outcome.kind === 'conflict') return setConflict({ current: outcome.current, changes });
    setConflict(null);
    setErrors(outcome.fields as FieldErrors<StrategyField>);
    setFormError(outcome.message);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
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

  const fieldState = (field: StrategyField) => (errors[field] ? { validationState: 'error' as const, validationMessage: errors[field] } : {});
  const title = strategy ? `Edit ${strategy.title}` : 'Add a strategy';

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && !saving && onClose(false)}>
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.fields}>
              {conflict ? (
                <ConflictPanel
                  rows={conflictRows(conflict.current, conflict.changes, STRATEGY_LABELS)}
                  busy={saving}
                  onUseTheirs={() => onClose(true)}
                  onReapplyMine={() => void send(conflict.changes, String(conflict.current.etag ?? ''))}
                />
              ) : (
                <>
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
                            {PROGRESS_LABELS[progress]}
                          </option>
                        ))}
                      </Select>
                    </Field>
                  </div>
                  <Field label={STRATEGY_LABELS.measures} hint={`Optional: up to ${MAX_MEASURES}, one per line.`} {...fieldState('measures')}>
                    <Textarea resize="vertical" rows={3} value={values.measures} onChange={(_, data) => change('measures')(data.value)} />
                  </Field>
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
