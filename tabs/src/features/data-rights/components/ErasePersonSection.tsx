import { Body1, Button, Field, Input, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { peopleSchema, type Person } from '@contracts';
import { useCallback, useMemo, useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { useLoaded } from '../../../app/use-loaded';
import { FormDialog } from '../../../components/FormDialog';
import { dataRightsApi } from '../api/data-rights-api';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start', '& p': { margin: 0 } },
  search: { width: '100%', maxWidth: '28rem' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXS, width: '100%', maxWidth: '28rem' },
  row: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS, overflowWrap: 'anywhere' },
});

const SHOWN = 10;

export interface ErasePersonSectionProps {
  client: ApiClient;
  myId: string | undefined;
  onMessage: (message: { intent: 'success' | 'error'; text: string }) => void;
}

/** Admins: find a person by name and erase what Line of Sight keeps about them (their records go; others' keep "Former colleague"). */
export function ErasePersonSection({ client, myId, onMessage }: ErasePersonSectionProps) {
  const styles = useStyles();
  const load = useCallback((signal: AbortSignal) => client.request('/api/people', peopleSchema, { signal }), [client]);
  const { state, reload } = useLoaded(load);
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Person | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const matches = useMemo(() => {
    if (state.status !== 'ready' || search.trim() === '') return [];
    const term = search.trim().toLowerCase();
    return state.data.people.filter((person) => person.id !== myId && person.displayName.toLowerCase().includes(term));
  }, [state, search, myId]);

  const erase = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      const result = await dataRightsApi.erasePerson(client, chosen.id, chosen.etag);
      onMessage({ intent: 'success', text: `${chosen.displayName}’s data is erased: ${result.deleted} records deleted, ${result.anonymised} anonymised.` });
      setChosen(null);
      setSearch('');
      void reload();
    } catch (failure) {
      setError(`We couldn't erase this person's data. ${whatWentWrong(failure)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="erase-person" className={styles.section}>
      <Subtitle2 as="h2" id="erase-person">
        Erase a person’s data
      </Subtitle2>
      <p>
        <Body1>For someone who left or asked to be forgotten. Their tasks, progress and answers are deleted; colleagues’ records keep “Former colleague” in their place. Anonymous pulse answers stay.</Body1>
      </p>
      {state.status === 'loading' && <Spinner size="small" label="Loading people…" />}
      {state.status === 'error' && <Body1 role="alert">We couldn't load the people. {whatWentWrong(state.error)}</Body1>}
      {state.status === 'ready' && (
        <>
          <Field label="Find a person by name" className={styles.search}>
            <Input value={search} onChange={(_, data) => setSearch(data.value)} />
          </Field>
          {search.trim() !== '' && (
            <Body1 role="status">{matches.length === 0 ? 'Nobody matches.' : `${matches.length} ${matches.length === 1 ? 'person matches' : 'people match'}${matches.length > SHOWN ? `; the first ${SHOWN} are shown` : ''}.`}</Body1>
          )}
          <ul className={styles.list} aria-label="Matching people">
            {matches.slice(0, SHOWN).map((person) => (
              <li key={person.id} className={styles.row}>
                <span>
                  {person.displayName}
                  {person.teamName ? ` · ${person.teamName}` : ''}
                </span>
                <Button size="small" onClick={() => setChosen(person)} aria-label={`Erase ${person.displayName}’s data`}>
                  Erase…
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      {chosen && (
        <FormDialog title={`Erase ${chosen.displayName}’s data?`} submitLabel="Erase" busy={busy} error={error} onSubmit={erase} onClose={() => setChosen(null)} confirm layout="message" size="narrow">
          <p>This cannot be undone. Download or export first if anything must be kept. If they can still sign in, their next visit starts an empty profile.</p>
        </FormDialog>
      )}
    </section>
  );
}
