import type { Insights } from '@contracts';
import { Field, MessageBar, MessageBarBody, Select, Spinner, Title3, makeStyles } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { usePageStyles } from '../../../components/page-styles';
import { SearchablePagedList } from '../../../components/SearchablePagedList';
import { usePagedSearch } from '../../../components/use-paged-search';
import { whatWentWrong } from '../../../app/error-text';
import type { LoadOutcome } from '../../../app/teams-session';
import { useLoaded } from '../../../app/use-loaded';
import { insightsTeamPages, loadInsights, TEAM_PAGE_SIZE } from '../api/insights-api';
import { AlignmentView } from './AlignmentView';
import { MyAlignmentView } from './MyAlignmentView';
import { insightsText } from '../messages';

const useStyles = makeStyles({
  picker: { maxWidth: '20rem' },
});

type OrganisationInsights = Extract<Insights, { scope: 'organisation' }>;
type TeamAlignment = OrganisationInsights['teams'][number];

export interface InsightsPageProps {
  client: ApiClient;
  onFirstLoad?: (outcome: LoadOutcome) => void;
}

/** Alignment insights: where work and strategy don't line up, and links to fix it. */
export default function InsightsPage({ client, onFirstLoad }: InsightsPageProps) {
  const page = usePageStyles();
  const t = insightsText.useText();
  const load = useCallback((signal: AbortSignal) => loadInsights(client, signal), [client]);
  const { state } = useLoaded(load, onFirstLoad);

  return (
    <main className={page.page}>
      <Title3 as="h1" className={page.heading}>
        {t('title')}
      </Title3>
      {state.status === 'loading' && <Spinner label={t('loading')} />}
      {state.status === 'error' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{t('loadFailed', { reason: whatWentWrong(state.error) })}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'ready' && state.data.scope === 'organisation' && <OrganisationInsightsView client={client} insights={state.data} />}
      {state.status === 'ready' && state.data.scope === 'me' && (
        <>
          <MyAlignmentView me={state.data.me} />
          {state.data.team && <AlignmentView name={state.data.team.teamName} alignment={state.data.team.alignment} teamOf={() => undefined} leads={false} />}
        </>
      )}
    </main>
  );
}

/** A leader's view: the organisation, or one team found by name among pages of teams (issue 13: 1,000 teams don't come at once). */
function OrganisationInsightsView({ client, insights }: { client: ApiClient; insights: OrganisationInsights }) {
  const styles = useStyles();
  const t = insightsText.useText();
  const teams = usePagedSearch(
    useMemo(() => insightsTeamPages(client, insights), [client, insights]),
    TEAM_PAGE_SIZE,
  );
  const [scope, setScope] = useState('organisation');
  // The team picked stays shown while another search changes the options.
  const [picked, setPicked] = useState<TeamAlignment | undefined>();
  const options = picked && !teams.items.some((team) => team.teamId === picked.teamId) ? [picked, ...teams.items] : teams.items;
  const shown = scope === 'organisation' ? undefined : options.find((team) => team.teamId === scope);

  return (
    <>
      <SearchablePagedList search={teams} label={t('findTeam')} noun={{ one: t('noun.team.one'), many: t('noun.team.many') }} emptyText={t('noTeams')}>
        {() => null}
      </SearchablePagedList>
      <Field label={t('show')} className={styles.picker}>
        <Select
          value={shown ? shown.teamId : 'organisation'}
          onChange={(_, data) => {
            setScope(data.value);
            setPicked(options.find((team) => team.teamId === data.value));
          }}
        >
          <option value="organisation">{t('wholeOrganisation')}</option>
          {options.map((team) => (
            <option key={team.teamId} value={team.teamId}>
              {team.teamName}
            </option>
          ))}
        </Select>
      </Field>
      {shown ? (
        <AlignmentView key={shown.teamId} name={shown.teamName} alignment={shown.alignment} teamOf={() => shown.teamId} leads actionableTeamIds={insights.actionableTeamIds} />
      ) : (
        // Only leaders and admins get the organisation scope, so its lists link to where things are fixed; each task and person carries its team.
        <AlignmentView name={t('theOrganisation')} alignment={insights.organisation} teamOf={() => undefined} leads actionableTeamIds={insights.actionableTeamIds} />
      )}
    </>
  );
}
