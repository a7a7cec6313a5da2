import type { Insights } from '@contracts';
import { Field, MessageBar, MessageBarBody, Select, Spinner, Title3, makeStyles } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { usePageStyles } from '../../../components/page-styles';
import { whatWentWrong } from '../../../app/error-text';
import type { LoadOutcome } from '../../../app/teams-session';
import { useLoaded } from '../../../app/use-loaded';
import { loadInsights } from '../api/insights-api';
import { AlignmentView } from './AlignmentView';
import { MyAlignmentView } from './MyAlignmentView';
import { insightsText } from '../messages';

const useStyles = makeStyles({
  picker: { maxWidth: '20rem' },
});

export interface InsightsPageProps {
  client: ApiClient;
  onFirstLoad?: (outcome: LoadOutcome) => void;
}

/** Which team each unlinked task and each person belongs to, from the per-team insights. */
function teamIndex(insights: Insights): Map<string, string> {
  const index = new Map<string, string>();
  if (insights.scope !== 'organisation') return index;
  for (const { teamId, alignment } of insights.teams) {
    for (const task of alignment.unlinkedTasks.items) index.set(task.id, teamId).set(task.ownerId, teamId);
    for (const person of alignment.peopleWithoutLinkedTask.items) index.set(person.id, teamId);
  }
  return index;
}

/** Alignment insights: where work and strategy don't line up, and links to fix it. */
export default function InsightsPage({ client, onFirstLoad }: InsightsPageProps) {
  const page = usePageStyles();
  const styles = useStyles();
  const t = insightsText.useText();
  const load = useCallback((signal: AbortSignal) => loadInsights(client, signal), [client]);
  const { state } = useLoaded(load, onFirstLoad);
  const [scope, setScope] = useState('organisation');
  const index = useMemo(() => (state.status === 'ready' ? teamIndex(state.data) : new Map<string, string>()), [state]);
  const teamOf = (id: string) => index.get(id);

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
      {state.status === 'ready' && state.data.scope === 'organisation' && (
        <>
          <Field label={t('show')} className={styles.picker}>
            <Select value={scope} onChange={(_, data) => setScope(data.value)}>
              <option value="organisation">{t('wholeOrganisation')}</option>
              {state.data.teams.map((team) => (
                <option key={team.teamId} value={team.teamId}>
                  {team.teamName}
                </option>
              ))}
            </Select>
          </Field>
          {scope === 'organisation' ? (
            // Only leaders and admins get the organisation scope, so its lists link to where things are fixed.
            <AlignmentView name={t('theOrganisation')} alignment={state.data.organisation} teamOf={teamOf} leads actionableTeamIds={state.data.actionableTeamIds} />
          ) : (
            state.data.teams
              .filter((team) => team.teamId === scope)
              .map((team) => (
                <AlignmentView
                  key={team.teamId}
                  name={team.teamName}
                  alignment={team.alignment}
                  teamOf={() => team.teamId}
                  leads
                  actionableTeamIds={state.data.scope === 'organisation' ? state.data.actionableTeamIds : []}
                />
              ))
          )}
        </>
      )}
      {state.status === 'ready' && state.data.scope === 'me' && (
        <>
          <MyAlignmentView me={state.data.me} />
          {state.data.team && <AlignmentView name={state.data.team.teamName} alignment={state.data.team.alignment} teamOf={() => undefined} leads={false} />}
        </>
      )}
    </main>
  );
}
