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
import { channelText } from '../messages';

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
  const t = channelText.useText();
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
      if (!team || !channel) return saveEvent.notifyFailure(channelText.text('pickTeamFirst'));
      setProblem(null);
      const link = { teamsTeamId: channel.teamsTeamId ?? channel.id, channelId: channel.id };
      const linking = team.channel?.channelId === channel.id ? Promise.resolve() : api.linkChannel(team, link);
      linking
        .then(() =>
          pages.config.setConfig({
            entityId: entityIdFor(team.id),
            contentUrl: channelContentUrl(),
            websiteUrl: channelContentUrl(),
            suggestedDisplayName: channelText.text('suggestedName', { team: team.name }),
          }),
        )
        .then(() => saveEvent.notifySuccess())
        .catch((error: unknown) => {
          const message =
            error instanceof ApiError && error.status === 403
              ? channelText.text('linkForbidden', { team: team.name })
              : whatWentWrong(error);
          setProblem(message);
          saveEvent.notifyFailure(message);
        });
    });
  }, [api, session]);

  return (
    <main className={styles.page}>
      <Title3 as="h1" className={styles.heading}>
        {t('configTitle')}
      </Title3>
      <Body1 as="p">
        {t('configIntro')}
      </Body1>
      {!session.channel && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('noChannel')}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'loading' && <Spinner size="small" label={t('loadingTeams')} />}
      {state.status === 'error' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{t('teamsFailed', { reason: whatWentWrong(state.error) })}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'ready' && (
        <Field label={t('team')} hint={session.channel?.teamName ? t('channelBelongsTo', { team: session.channel.teamName }) : undefined}>
          <Select value={teamId} onChange={(_, data) => setTeamId(data.value)}>
            <option value="">{t('pickTeam')}</option>
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
