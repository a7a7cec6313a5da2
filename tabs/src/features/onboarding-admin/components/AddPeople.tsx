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

/**
 * Adds one person from the organisation's directory; they get the cohort's existing assignments too.
 * The cohort's people come a page at a time, so everyone is offered: adding someone already in it changes nothing.
 */
export function AddPeople({ client, cohort, onChanged }: { client: ApiClient; cohort: Cohort; onChanged: (cohort: Cohort) => void }) {
  const styles = useStyles();
  const load = useCallback((signal: AbortSignal) => loadPeople(client, signal), [client]);
  const { state } = useLoaded(load);
  const [picked, setPicked] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const candidates = state.status === 'ready' ? state.data : [];

  const add = async () => {
    setBusy(true);
    try {
      const name = candidates.find((person) => person.id === picked)?.displayName ?? 'They';
      const changed = await cohortsApi.addMembers(client, cohort.id, [picked]);
      setStatus(changed.memberCount > cohort.memberCount ? `Added ${name}.` : `${name} is already in this cohort.`);
      onChanged(changed);
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
      <div role="status" aria-live="polite">
        {status}
      </div>
    </div>
  );
}
