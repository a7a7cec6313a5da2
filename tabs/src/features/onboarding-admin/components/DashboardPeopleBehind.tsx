import { Body1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { SearchablePagedList } from '../../../components/SearchablePagedList';
import { usePagedSearch } from '../../../components/use-paged-search';
import type { Dashboard } from '../../../../../api/src/shared/onboarding-cohort-contracts';
import { cohortsApi } from '../api/onboarding-admin-api';
import { DashboardPeopleTable } from './DashboardPeopleTable';
import { adminText } from '../messages';

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
});

export interface DashboardPeopleBehindProps {
  client: ApiClient;
  cohortId: string;
  moduleId: string;
  /** The figures: how many are behind, and how many of them the viewer may not see by name. */
  dashboard: Pick<Dashboard, 'behind' | 'hiddenPeopleBehind'>;
}

/**
 * Who is behind, overdue first: those the viewer may see by name, searched and paged on the server
 * (issue 13: a cohort of thousands behind is never one answer); the others only counted.
 */
export function DashboardPeopleBehind({ client, cohortId, moduleId, dashboard }: DashboardPeopleBehindProps) {
  const t = adminText.useText();
  const styles = useStyles();
  const { behind, hiddenPeopleBehind: hidden } = dashboard;
  const named = behind - hidden;
  return (
    <section className={styles.section} aria-labelledby="dashboard-behind-heading">
      <Subtitle2 as="h2" id="dashboard-behind-heading" className={styles.heading}>
        {t('behind.heading')}
      </Subtitle2>
      {behind === 0 && <Body1 as="p">{t('behind.nobody')}</Body1>}
      {hidden > 0 && <Body1 as="p">{t(named > 0 ? 'hidden.more' : 'hidden.only', { count: hidden })}</Body1>}
      {named > 0 && <BehindList client={client} cohortId={cohortId} moduleId={moduleId} />}
    </section>
  );
}

function BehindList({ client, cohortId, moduleId }: { client: ApiClient; cohortId: string; moduleId: string }) {
  const t = adminText.useText();
  const people = usePagedSearch(useMemo(() => cohortsApi.dashboardPeopleBehind(client, cohortId, moduleId), [client, cohortId, moduleId]));
  return (
    <SearchablePagedList search={people} label={t('behind.search')} noun={{ one: t('noun.person'), many: t('noun.people') }} emptyText={t('behind.nobody')}>
      {(shown) => <DashboardPeopleTable people={shown} label={t('behind.heading')} showNotification />}
    </SearchablePagedList>
  );
}
