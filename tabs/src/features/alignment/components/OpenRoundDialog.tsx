import { DEFAULT_ROUND_QUESTION, type AlignmentRound, type MomentOptions } from '@contracts';
import { Checkbox, Field, Input, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { ApiError, type ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { useLoaded } from '../../../app/use-loaded';
import { FormDialog } from '../../../components/FormDialog';
import { loadPickOptions, openRound } from '../api/rounds-api';
import { DateField } from '../../../components/DateField';

const useStyles = makeStyles({
  leaders: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, border: 'none', margin: 0, padding: 0, minWidth: 0 },
});

/** yyyy-mm-dd a week from today (the browser's clock). */
function inAWeek(): string {
  return new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
}

export interface OpenRoundDialogProps {
  client: ApiClient;
  onOpened(round: AlignmentRound): void;
  onClose(): void;
}

/** The question (default "What do you get paid to do?"), the leaders to ask, and the day it closes (end of day, UTC). */
export function OpenRoundDialog({ client, onOpened, onClose }: OpenRoundDialogProps) {
  const styles = useStyles();
  const load = useCallback((signal: AbortSignal) => loadPickOptions(client, signal), [client]);
  const { state } = useLoaded<MomentOptions>(load);
  const [question, setQuestion] = useState(DEFAULT_ROUND_QUESTION);
  const [leaderIds, setLeaderIds] = useState<string[]>([]);
  const [closesOn, setClosesOn] = useState(inAWeek);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Readonly<Record<string, string>>>({});

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      onOpened(await openRound(client, { question, leaderIds, closesAt: `${closesOn}T23:59:00.000Z` }));
    } catch (failure) {
      setFieldErrors(failure instanceof ApiError ? failure.fieldErrors : {});
      setError(`We couldn't open the round. ${whatWentWrong(failure)}`);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (id: string, checked: boolean) => setLeaderIds((current) => (checked ? [...current, id] : current.filter((other) => other !== id)));
  const leaderError = fieldErrors.leaderIds ?? Object.entries(fieldErrors).find(([path]) => path.startsWith('leaderIds.'))?.[1];

  return (
    <FormDialog title="Open an alignment round" submitLabel="Open round" busy={busy} error={error} onSubmit={submit} onClose={onClose} size="medium">
      <Field label="Question" required validationMessage={fieldErrors.question}>
        <Input value={question} onChange={(_, data) => setQuestion(data.value)} />
      </Field>
      <fieldset className={styles.leaders}>
        <legend>Leaders to ask</legend>
        {state.status === 'loading' && <Spinner size="tiny" label="Loading leaders…" />}
        {state.status === 'error' && <Text role="alert">We couldn't load the leaders. {whatWentWrong(state.error)}</Text>}
        {state.status === 'ready' &&
          state.data.people
            .filter((person) => person.leads)
            .map((person) => (
              <Checkbox key={person.id} label={person.displayName} checked={leaderIds.includes(person.id)} onChange={(_, data) => toggle(person.id, data.checked === true)} />
            ))}
        {leaderError && <Text role="alert">{leaderError}</Text>}
      </fieldset>
      <Field label="Closes at the end of (UTC)" required validationMessage={fieldErrors.closesAt}>
        <DateField value={closesOn} onChange={setClosesOn} />
      </Field>
    </FormDialog>
  );
}
