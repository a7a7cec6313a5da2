import type { AlignmentRound, MomentOptions } from '@contracts';
import { Checkbox, Field, Input, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { ApiError, type ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { useLoaded } from '../../../app/use-loaded';
import { FormDialog } from '../../../components/FormDialog';
import { loadPickOptions, openRound } from '../api/rounds-api';
import { DateField } from '../../../components/DateField';
import { alignmentText } from '../messages';

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
  const t = alignmentText.useText();
  const load = useCallback((signal: AbortSignal) => loadPickOptions(client, signal), [client]);
  const { state } = useLoaded<MomentOptions>(load);
  // The API's default question (DEFAULT_ROUND_QUESTION), in the opener's language: it is prefilled, and what they send is the round's question.
  const [question, setQuestion] = useState(() => t('open.defaultQuestion'));
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
      setError(t('open.failed', { why: whatWentWrong(failure) }));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (id: string, checked: boolean) => setLeaderIds((current) => (checked ? [...current, id] : current.filter((other) => other !== id)));
  const leaderError = fieldErrors.leaderIds ?? Object.entries(fieldErrors).find(([path]) => path.startsWith('leaderIds.'))?.[1];

  return (
    <FormDialog title={t('open.title')} submitLabel={t('open.submit')} busy={busy} error={error} onSubmit={submit} onClose={onClose} size="medium">
      <Field label={t('open.question')} required validationMessage={fieldErrors.question}>
        <Input dir="auto" value={question} onChange={(_, data) => setQuestion(data.value)} />
      </Field>
      <fieldset className={styles.leaders}>
        <legend>{t('open.leaders')}</legend>
        {state.status === 'loading' && <Spinner size="tiny" label={t('open.loadingLeaders')} />}
        {state.status === 'error' && <Text role="alert">{t('open.leadersFailed', { why: whatWentWrong(state.error) })}</Text>}
        {state.status === 'ready' &&
          state.data.people
            .filter((person) => person.leads)
            .map((person) => (
              <Checkbox key={person.id} label={person.displayName} checked={leaderIds.includes(person.id)} onChange={(_, data) => toggle(person.id, data.checked === true)} />
            ))}
        {leaderError && <Text role="alert">{leaderError}</Text>}
      </fieldset>
      <Field label={t('open.closes')} required validationMessage={fieldErrors.closesAt}>
        <DateField value={closesOn} onChange={setClosesOn} />
      </Field>
    </FormDialog>
  );
}
