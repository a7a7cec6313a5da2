import { Body1, Button, Caption1, Card, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, type ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import type { LoadOutcome } from '../../../app/teams-session';
import { SearchablePagedList } from '../../../components/SearchablePagedList';
import { usePagedSearch } from '../../../components/use-paged-search';
import { cohortsApi } from '../api/onboarding-admin-api';
import { CohortDetail } from './CohortDetail';

const useStyles = makeStyles({
  view: { display: 'grid', gap: tokens.spacingVerticalL },
  create: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalS },
  grow: { flex: '1 1 14rem', minWidth: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  card: { display: 'flex', flexDirection: 'row', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  info: { display: 'grid', gap: tokens.spacingVerticalXXS, minWidth: 0 },
});

export interface CohortsViewProps {
  client: ApiClient;
  cohortId: string | undefined;
  onOpen: (cohortId: string | undefined) => void;
  onFirstLoad?: ((outcome: LoadOutcome) => void) | undefined;
}

/** Named groups of people (e.g. everyone who joined from the acquired company) and what is assigned to them. */
export function CohortsView({ client, cohortId, onOpen, onFirstLoad }: CohortsViewProps) {
  const styles = useStyles();
  const cohorts = usePagedSearch(useMemo(() => cohortsApi.search(client), [client]));
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const reported = useRef(false);

  useEffect(() => {
    if (reported.current || cohorts.status === 'loading' || !onFirstLoad) return;
    reported.current = true;
    onFirstLoad(cohorts.status === 'error' ? { ok: false, reason: 'other', message: String(cohorts.error) } : { ok: true });
  }, [cohorts.status, cohorts.error, onFirstLoad]);

  if (cohortId) return <CohortDetail key={cohortId} client={client} cohortId={cohortId} onBack={() => { void cohorts.reload(); onOpen(undefined); }} />;

  const create = async () => {
    setBusy(true);
    try {
      const cohort = await cohortsApi.create(client, name, '');
      setName('');
      setNameError(undefined);
      onOpen(cohort.id);
    } catch (error) {
      setNameError(error instanceof ApiError ? (error.fieldErrors.name ?? whatWentWrong(error)) : whatWentWrong(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.view} aria-label="Cohorts">
      <form
        className={styles.create}
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <Field className={styles.grow} label="New cohort name" validationMessage={nameError} validationState={nameError ? 'error' : 'none'}>
          <Input value={name} placeholder="e.g. Joined from Fabrikam" onChange={(_, data) => setName(data.value)} />
        </Field>
        <Button appearance="primary" type="submit" disabled={busy || name.trim() === ''}>
          Create cohort
        </Button>
      </form>
      <SearchablePagedList
        search={cohorts}
        label="Search cohorts by name"
        noun={{ one: 'cohort', many: 'cohorts' }}
        emptyText="No cohorts yet. Name one above, then add its people."
      >
        {(shown) => (
          <ul className={styles.list} aria-label="Cohort list">
            {shown.map((cohort) => (
              <li key={cohort.id}>
                <Card className={styles.card}>
                  <div className={styles.info}>
                    <Body1>
                      <strong>{cohort.name}</strong>
                    </Body1>
                    <Caption1>
                      {cohort.memberCount === 1 ? '1 person' : `${cohort.memberCount} people`} · {cohort.assignmentCount === 1 ? '1 assignment' : `${cohort.assignmentCount} assignments`}
                    </Caption1>
                  </div>
                  <Button onClick={() => onOpen(cohort.id)} aria-label={`Open ${cohort.name}`}>
                    Open
                  </Button>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </SearchablePagedList>
    </section>
  );
}
