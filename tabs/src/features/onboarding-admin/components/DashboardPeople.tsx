import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { SearchablePagedList } from '../../../components/SearchablePagedList';
import { usePagedSearch } from '../../../components/use-paged-search';
import { cohortsApi } from '../api/onboarding-admin-api';
import { DashboardPeopleTable } from './DashboardPeopleTable';
import { adminText } from '../messages';

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
});

/** Everyone the viewer may see by name in the cohort, searched and paged on the server (issue 13). */
export function DashboardPeople({ client, cohortId, moduleId }: { client: ApiClient; cohortId: string; moduleId: string }) {
  const t = adminText.useText();
  const styles = useStyles();
  const people = usePagedSearch(useMemo(() => cohortsApi.dashboardPeople(client, cohortId, moduleId), [client, cohortId, moduleId]));
  return (
    <section className={styles.section} aria-labelledby="dashboard-people-heading">
      <Subtitle2 as="h2" id="dashboard-people-heading" className={styles.heading}>
        {t('people.heading')}
      </Subtitle2>
      <SearchablePagedList search={people} label={t('people.search')} noun={{ one: t('noun.person'), many: t('noun.people') }} emptyText={t('people.empty')}>
        {(shown) => (
          <DashboardPeopleTable people={shown} label={t('people.table')} />
        )}
      </SearchablePagedList>
    </section>
  );
}
