import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { useLoaded } from '../../../app/use-loaded';
import type { Cohort } from '../../../../../api/src/shared/onboarding-cohort-contracts';
import { cohortsApi, loadPeople } from '../api/onboarding-admin-api';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalS },
  grow: { flex: '1 1 14rem', minWidth: 0 },
});

/** Adds one person from the organisation's directory; they get the cohort's existing assignments too. */
export function AddPeople({ client, cohort, onChanged }: { client: ApiClient; cohort: Cohort; onChanged: (cohort: Cohort) => void }) {
  const styles = useStyles();
  const load = useCallback((signal: AbortSignal) => loadPeople(client, signal), [client]);
  const { state } = useLoaded(load);
  const [picked, setPicked] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const members = new Set(cohort.members.map((member) => member.userId));
  const candidates = state.status === 'ready' ? state.data.filter((person) => !members.has(person.id)) : [];

  const add = async () => {
    setBusy(true);
    try {
      onChanged(await cohortsApi.addMembers(client, cohort.id, [picked]));
      setPicked('');
      setError(undefined);
    } catch (failure) {
      setError(whatWentWrong(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.row}>
      <Field
        className={styles.grow}
        label="Add a person"
        validationMessage={state.status === 'error' ? `We couldn't load the people. ${whatWentWrong(state.error)}` : error}
        validationState={state.status === 'error' || error ? 'error' : 'none'}
      >
        <Select value={picked} disabled={state.status !== 'ready'} onChange={(_, data) => setPicked(data.value)}>
          <option value="">{state.status === 'loading' ? 'Loading people…' : 'Choose someone'}</option>
          {candidates.map((person) => (
            <option key={person.id} value={person.id}>
              {person.displayName}
              {person.teamName ? ` — ${person.teamName}` : ''}
            </option>
          ))}
        </Select>
      </Field>
      <Button disabled={busy || picked === ''} onClick={() => void add()}>
        Add person
      </Button>
    </div>
  );
}
