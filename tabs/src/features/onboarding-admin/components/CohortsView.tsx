import { Body1, Button, Caption1, Card, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, type ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import type { LoadOutcome } from '../../../app/teams-session';
import { SearchablePagedList } from '../../../components/SearchablePagedList';
import { usePagedSearch } from '../../../components/use-paged-search';
import { cohortsApi } from '../api/onboarding-admin-api';
import { CohortDetail } from './CohortDetail';
import { adminText } from '../messages';

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
  const t = adminText.useText();
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
    <section className={styles.view} aria-label={t('view.cohorts')}>
      <form
        className={styles.create}
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <Field className={styles.grow} label={t('cohorts.newName')} validationMessage={nameError} validationState={nameError ? 'error' : 'none'}>
          <Input value={name} placeholder={t('cohorts.namePlaceholder')} onChange={(_, data) => setName(data.value)} />
        </Field>
        <Button appearance="primary" type="submit" disabled={busy || name.trim() === ''}>
          {t('cohorts.create')}
        </Button>
      </form>
      <SearchablePagedList
        search={cohorts}
        label={t('cohorts.search')}
        noun={{ one: t('noun.cohort'), many: t('noun.cohorts') }}
        emptyText={t('cohorts.empty')}
      >
        {(shown) => (
          <ul className={styles.list} aria-label={t('cohorts.list')}>
            {shown.map((cohort) => (
              <li key={cohort.id}>
                <Card className={styles.card}>
                  <div className={styles.info}>
                    <Body1 dir="auto">
                      <strong>{cohort.name}</strong>
                    </Body1>
                    <Caption1>
                      {t('cohorts.facts', { people: cohort.memberCount, assignments: cohort.assignmentCount })}
                    </Caption1>
                  </div>
                  <Button onClick={() => onOpen(cohort.id)} aria-label={t('cohorts.openNamed', { name: cohort.name })}>
                    {t('cohorts.open')}
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
