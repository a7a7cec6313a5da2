import { Body1, Button, Caption1, Card, Field, Input, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { ApiError, type ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import type { LoadOutcome } from '../../../app/teams-session';
import { useLoaded } from '../../../app/use-loaded';
import type { CohortSummary } from '../../../../../api/src/shared/onboarding-cohort-contracts';
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

const PAGE = 100;

/** Named groups of people (e.g. everyone who joined from the acquired company) and what is assigned to them. */
export function CohortsView({ client, cohortId, onOpen, onFirstLoad }: CohortsViewProps) {
  const styles = useStyles();
  const load = useCallback((signal: AbortSignal) => cohortsApi.page(client, 0, PAGE, signal), [client]);
  const { state, reload } = useLoaded(load, onFirstLoad);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  // Later pages, appended by "Show more cohorts" (the list is answered a page at a time).
  const [more, setMore] = useState<CohortSummary[]>([]);
  const [moreProblem, setMoreProblem] = useState<string | null>(null);

  if (cohortId) return <CohortDetail key={cohortId} client={client} cohortId={cohortId} onBack={() => { setMore([]); void reload(); onOpen(undefined); }} />;

  const cohorts = state.status === 'ready' ? [...state.data.cohorts, ...more] : [];
  const total = state.status === 'ready' ? state.data.total : 0;
  const showMore = async () => {
    try {
      setMore([...more, ...(await cohortsApi.page(client, cohorts.length, PAGE)).cohorts]);
      setMoreProblem(null);
    } catch (error) {
      setMoreProblem(whatWentWrong(error));
    }
  };

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
      {state.status === 'loading' && <Spinner label="Loading cohorts…" />}
      {state.status === 'error' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>We couldn't load the cohorts. {whatWentWrong(state.error)}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'ready' && cohorts.length === 0 && <Body1 as="p">No cohorts yet. Name one above, then add its people.</Body1>}
      {state.status === 'ready' && cohorts.length > 0 && (
        <ul className={styles.list} aria-label="Cohort list">
          {cohorts.map((cohort) => (
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
      {moreProblem && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>We couldn't load more cohorts. {moreProblem}</MessageBarBody>
        </MessageBar>
      )}
      {cohorts.length < total && (
        <div>
          <Caption1>
            Showing {cohorts.length} of {total}.{' '}
          </Caption1>
          <Button onClick={() => void showMore()}>Show more cohorts</Button>
        </div>
      )}
    </section>
  );
}
