import { Button, Caption1, Checkbox, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError, type ApiClient } from '../../../app/api-client';
import { outcomeOf } from '../../../app/save-outcome';
import type { OnboardingModule } from '../../../../../api/src/shared/onboarding-contracts';
import type { Assignment, Cohort } from '../../../../../api/src/shared/onboarding-cohort-contracts';
import { cohortsApi } from '../api/onboarding-admin-api';
import { defaultDueDate, startAtFrom } from '../assign-dates';
import { assignedText, timeOfDay } from '../format';
import { DateField } from '../../../components/DateField';
import { adminText } from '../messages';

/** Whole and half hours: a scheduled start rarely needs more precision than that. */
const START_TIMES = Array.from({ length: 48 }, (_, index) => `${String(Math.floor(index / 2)).padStart(2, '0')}:${index % 2 ? '30' : '00'}`);

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalS, minWidth: 0, margin: 0, padding: 0, border: 'none' },
  modules: { display: 'grid', gap: tokens.spacingVerticalXXS, margin: 0, padding: 0, border: 'none', minWidth: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0 },
  error: { color: tokens.colorPaletteRedForeground1 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

const FIELDS = ['moduleVersionIds', 'dueDate', 'startAt', 'audience'] as const;

export interface AssignFormProps {
  client: ApiClient;
  cohort: Cohort;
  /** Only published modules can be assigned (the newest version is). */
  modules: readonly OnboardingModule[];
  onAssigned: (assignments: Assignment[]) => void;
}

/** Assigns published modules to the cohort with a due date and an optional scheduled start; everyone in it is notified in Teams. */
export function AssignForm({ client, cohort, modules, onAssigned }: AssignFormProps) {
  const t = adminText.useText();
  const styles = useStyles();
  const published = modules.filter((module) => module.latestVersionId !== null);
  const [picked, setPicked] = useState<string[]>([]);
  const [dueDate, setDueDate] = useState(defaultDueDate(new Date()));
  const [startDay, setStartDay] = useState('');
  const [startTime, setStartTime] = useState('09:00');
  const [audience, setAudience] = useState<'everyone' | 'completedPreviousVersion'>('everyone');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const assign = async () => {
    setBusy(true);
    setStatus('');
    try {
      const start = startAtFrom(startDay ? `${startDay}T${startTime}` : '');
      const assignments = await cohortsApi.assign(client, cohort.id, { moduleVersionIds: picked, dueDate, ...(start ? { startAt: start } : {}), audience });
      setErrors({});
      setProblem(null);
      setPicked([]);
      setStatus(assignedText(assignments, Boolean(start)));
      onAssigned(assignments);
    } catch (error) {
      const outcome = outcomeOf(error, FIELDS);
      setErrors(outcome.kind === 'rejected' ? outcome.fields : {});
      // 503 cohort_busy: nothing was assigned, and pressing Assign again is safe (its detail says so).
      const busy = error instanceof ApiError && error.code === 'cohort_busy';
      setProblem(busy ? t('assign.busy', { detail: error.message }) : outcome.kind === 'rejected' ? outcome.message : null);
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (name: string) => ({ validationMessage: errors[name], validationState: errors[name] ? ('error' as const) : ('none' as const) });

  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void assign();
      }}
    >
      <fieldset className={styles.modules}>
        <legend className={styles.legend}>{t('assign.legend')}</legend>
        {published.length === 0 && <Caption1>{t('assign.publishFirst')}</Caption1>}
        {published.map((module) => (
          <Checkbox
            key={module.id}
            label={{ children: t('cohort.moduleVersion', { title: module.content.title, version: module.versions.at(-1)?.version ?? 1 }), dir: 'auto' }}
            checked={picked.includes(module.latestVersionId!)}
            onChange={(_, data) => setPicked((current) => (data.checked === true ? [...current, module.latestVersionId!] : current.filter((id) => id !== module.latestVersionId)))}
          />
        ))}
        {errors.moduleVersionIds && <Caption1 className={styles.error}>{errors.moduleVersionIds}</Caption1>}
      </fieldset>
      <div className={styles.row}>
        <Field label={t('assign.due')} required {...fieldError('dueDate')}>
          <DateField value={dueDate} onChange={setDueDate} />
        </Field>
        <Field label={t('assign.start')} hint={t('assign.startHint')} {...fieldError('startAt')}>
          <DateField value={startDay} onChange={setStartDay} />
        </Field>
        <Field label={t('assign.startTime')}>
          <Select value={startTime} disabled={startDay === ''} onChange={(_, data) => setStartTime(data.value)}>
            {START_TIMES.map((time) => (
              <option key={time} value={time}>
                {timeOfDay(time)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={t('assign.who')}>
        <RadioGroup value={audience} onChange={(_, data) => setAudience(data.value as typeof audience)}>
          <Radio value="everyone" label={t('assign.everyone')} />
          <Radio value="completedPreviousVersion" label={t('assign.previous')} />
        </RadioGroup>
      </Field>
      {problem && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button appearance="primary" type="submit" disabled={busy || picked.length === 0 || cohort.memberCount === 0}>
          {t('assign.button')}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {status}
      </div>
    </form>
  );
}
