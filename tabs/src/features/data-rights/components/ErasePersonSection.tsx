import { Body1, Button, Field, Input, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { peopleSchema, type Person } from '@contracts';
import { useCallback, useMemo, useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { useLoaded } from '../../../app/use-loaded';
import { FormDialog } from '../../../components/FormDialog';
import { formatNumber } from '../../../i18n';
import { dataRightsApi } from '../api/data-rights-api';
import { dataRightsText } from '../messages';

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
  const t = dataRightsText.useText();
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
      onMessage({ intent: 'success', text: t('erased', { name: chosen.displayName, deleted: result.deleted, anonymised: formatNumber(result.anonymised) }) });
      setChosen(null);
      setSearch('');
      void reload();
    } catch (failure) {
      setError(t('eraseFailed', { reason: whatWentWrong(failure) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="erase-person" className={styles.section}>
      <Subtitle2 as="h2" id="erase-person">
        {t('eraseHeading')}
      </Subtitle2>
      <p>
        <Body1>{t('eraseText')}</Body1>
      </p>
      {state.status === 'loading' && <Spinner size="small" label={t('loadingPeople')} />}
      {state.status === 'error' && <Body1 role="alert">{t('peopleFailed', { reason: whatWentWrong(state.error) })}</Body1>}
      {state.status === 'ready' && (
        <>
          <Field label={t('findPerson')} className={styles.search}>
            <Input value={search} onChange={(_, data) => setSearch(data.value)} />
          </Field>
          {search.trim() !== '' && (
            <Body1 role="status">{matches.length === 0 ? t('nobodyMatches') : t(matches.length > SHOWN ? 'matchesFirst' : 'matches', { count: matches.length, shown: formatNumber(SHOWN) })}</Body1>
          )}
          <ul className={styles.list} aria-label={t('matchingPeople')}>
            {matches.slice(0, SHOWN).map((person) => (
              <li key={person.id} className={styles.row}>
                <span dir="auto">{person.teamName ? t('personWithTeam', { name: person.displayName, team: person.teamName }) : person.displayName}</span>
                <Button size="small" onClick={() => setChosen(person)} aria-label={t('eraseLabel', { name: person.displayName })}>
                  {t('eraseAction')}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      {chosen && (
        <FormDialog title={t('eraseTitle', { name: chosen.displayName })} submitLabel={t('erase')} busy={busy} error={error} onSubmit={erase} onClose={() => setChosen(null)} confirm layout="message" size="narrow">
          <p>{t('eraseWarning')}</p>
        </FormDialog>
      )}
    </section>
  );
}
