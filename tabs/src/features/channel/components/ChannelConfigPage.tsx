import type { Team } from '@contracts';
import { Body1, Field, MessageBar, MessageBarBody, Select, Spinner, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { pages } from '@microsoft/teams-js';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, createApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import type { LoadOutcome, TeamsSession } from '../../../app/teams-session';
import { useLoaded } from '../../../app/use-loaded';
import { createChannelApi } from '../api/channel-api';
import { entityIdFor, preselectTeam } from '../channel-config';

const useStyles = makeStyles({
  page: { boxSizing: 'border-box', display: 'grid', gap: tokens.spacingVerticalL, maxWidth: '40rem', padding: tokens.spacingHorizontalL },
  heading: { margin: 0 },
});

export interface ChannelConfigPageProps {
  apiBaseUrl: string;
  getToken: () => Promise<string>;
  session: TeamsSession;
  onFirstLoad: (outcome: LoadOutcome) => void;
}

/** The channel tab's address: the same app, showing the channel's team. */
export const channelContentUrl = () => `${window.location.origin}${import.meta.env.BASE_URL}index.html?view=channel`;

/** Adding Line of Sight to a channel: pick which team's line of sight the channel shows, then Save (in Teams). */
export default function ChannelConfigPage({ apiBaseUrl, getToken, session, onFirstLoad }: ChannelConfigPageProps) {
  const styles = useStyles();
  const api = useMemo(() => createChannelApi(createApiClient({ baseUrl: apiBaseUrl, getToken })), [apiBaseUrl, getToken]);
  const { state } = useLoaded(useCallback((signal: AbortSignal) => api.teams(signal), [api]), onFirstLoad);
  const [teamId, setTeamId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const chosen = useRef<Team | undefined>(undefined);
  const teams = state.status === 'ready' ? state.data : [];
  chosen.current = teams.find((team) => team.id === teamId);

  useEffect(() => {
    if (state.status === 'ready' && !teamId) setTeamId(preselectTeam(state.data, session.channel));
  }, [state, session, teamId]);

  // Teams enables its Save button only while the choice is valid.
  useEffect(() => {
    if (pages.config.isSupported()) pages.config.setValidityState(Boolean(chosen.current));
  }, [teamId, state]);

  useEffect(() => {
    if (!pages.config.isSupported()) return;
    pages.config.registerOnSaveHandler((saveEvent) => {
      const team = chosen.current;
      const channel = session.channel;
      if (!team || !channel) return saveEvent.notifyFailure('Pick a team first');
      setProblem(null);
      const link = { teamsTeamId: channel.teamsTeamId ?? channel.id, channelId: channel.id };
      const linking = team.channel?.channelId === channel.id ? Promise.resolve() : api.linkChannel(team, link);
      linking
        .then(() =>
          pages.config.setConfig({
            entityId: entityIdFor(team.id),
            contentUrl: channelContentUrl(),
            websiteUrl: channelContentUrl(),
            suggestedDisplayName: `Line of Sight · ${team.name}`,
          }),
        )
        .then(() => saveEvent.notifySuccess())
        .catch((error: unknown) => {
          const message =
            error instanceof ApiError && error.status === 403
              ? `Only a leader of ${team.name} or an admin can link this channel to it.`
              : whatWentWrong(error);
          setProblem(message);
          saveEvent.notifyFailure(message);
        });
    });
  }, [api, session]);

  return (
    <main className={styles.page}>
      <Title3 as="h1" className={styles.heading}>
        Show a team's line of sight in this channel
      </Title3>
      <Body1 as="p">
        The channel tab shows the strategies the team serves and the team's work under each. Pick the team, then choose Save.
      </Body1>
      {!session.channel && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>Teams didn't say which channel this is. Open this page from a channel's "Add a tab".</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'loading' && <Spinner size="small" label="Loading teams…" />}
      {state.status === 'error' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>We couldn't load the teams. {whatWentWrong(state.error)}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'ready' && (
        <Field label="Team" hint={session.channel?.teamName ? `This channel belongs to ${session.channel.teamName} in Teams.` : undefined}>
          <Select value={teamId} onChange={(_, data) => setTeamId(data.value)}>
            <option value="">Pick a team…</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {problem && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
