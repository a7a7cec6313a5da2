import { Body1, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo } from 'react';
import { createApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import type { LoadOutcome, TeamsSession } from '../../../app/teams-session';
import { useLoaded } from '../../../app/use-loaded';
import { createChannelApi } from '../api/channel-api';
import { teamIdFromEntityId } from '../channel-config';
import { MomentCard } from '../../../components/MomentCard';
import { TeamTaskList } from './TeamTaskList';
import { channelText } from '../messages';

const useStyles = makeStyles({
  page: {
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '64rem',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXXL}`,
  },
  vision: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorBrandBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
  },
  heading: { margin: 0, overflowWrap: 'anywhere' },
  strategy: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: tokens.strokeWidthThickest,
    borderLeftColor: tokens.colorBrandStroke1,
  },
  muted: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

export interface ChannelPageProps {
  apiBaseUrl: string;
  getToken: () => Promise<string>;
  session: TeamsSession;
  onFirstLoad: (outcome: LoadOutcome) => void;
}

/**
 * The channel tab: the linked team's line of sight — strategies it serves and the team's work under
 * each (every task for the team's Leader and Admins; one's own tasks and counts of the rest for others).
 * Each list comes with its first page; a longer one is searched and paged on the server (issue 13).
 */
export default function ChannelPage({ apiBaseUrl, getToken, session, onFirstLoad }: ChannelPageProps) {
  const styles = useStyles();
  const t = channelText.useText();
  const api = useMemo(() => createChannelApi(createApiClient({ baseUrl: apiBaseUrl, getToken })), [apiBaseUrl, getToken]);
  const load = useCallback(
    async (signal: AbortSignal) => {
      const linked = session.channel ? await api.teamOfChannel(session.channel.id, signal) : null;
      const teamId = linked ?? teamIdFromEntityId(session.pageId);
      if (!teamId) return null;
      const [lineOfSight, moments] = await Promise.all([api.teamLineOfSight(teamId, signal), api.teamMoments(teamId, signal)]);
      return { ...lineOfSight, moments: moments.moments };
    },
    [api, session],
  );
  const { state } = useLoaded(load, onFirstLoad);

  return (
    <main className={styles.page}>
      {state.status === 'loading' && <Spinner label={t('loading')} />}
      {state.status === 'error' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{t('loadFailed', { reason: whatWentWrong(state.error) })}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'ready' && state.data === null && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('notLinkedTitle')}</MessageBarTitle>
            {t('notLinkedText')}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'ready' && state.data && (
        <>
          <header className={styles.vision}>
            <Caption1 as="p" className={styles.muted} dir="auto">
              {t('organisationAndTeam', { organisation: state.data.organisation.name, team: state.data.team.name })}
            </Caption1>
            <Title2 as="h1" className={styles.heading} dir="auto">
              {state.data.organisation.vision}
            </Title2>
          </header>
          {state.data.strategies.length === 0 && <Body1 as="p">{t('notMapped', { team: state.data.team.name })}</Body1>}
          {state.data.strategies.map((strategy) => (
            <section key={strategy.id} className={styles.strategy} aria-labelledby={`channel-strategy-${strategy.id}`}>
              <Subtitle1 as="h2" id={`channel-strategy-${strategy.id}`} className={styles.heading} dir="auto">
                {strategy.title}
              </Subtitle1>
              {strategy.why && <Body1 as="p" className={styles.muted}>{t('whyNow', { why: strategy.why })}</Body1>}
              {strategy.customerImpact && <Body1 as="p" className={styles.muted}>{t('forCustomers', { impact: strategy.customerImpact })}</Body1>}
              <TeamTaskList
                page={{ tasks: strategy.tasks, count: strategy.taskCount, nextCursor: strategy.nextCursor }}
                hidden={strategy.hiddenTasks}
                label={t('tasksFor', { team: state.data?.team.name ?? '', strategy: strategy.title })}
                empty={t('nobodyWorking')}
                more={{ api, teamId: state.data?.team.id ?? '', list: strategy.id, searchLabel: t('searchTasksFor', { strategy: strategy.title }) }}
              />
            </section>
          ))}
          {state.data.unlinkedTaskCount + state.data.hiddenUnlinkedTasks > 0 && (
            <section className={styles.strategy} aria-labelledby="channel-unlinked">
              <Subtitle1 as="h2" id="channel-unlinked" className={styles.heading}>
                {t('unlinkedHeading')}
              </Subtitle1>
              <TeamTaskList
                page={{ tasks: state.data.unlinkedTasks, count: state.data.unlinkedTaskCount, nextCursor: state.data.unlinkedNextCursor }}
                hidden={state.data.hiddenUnlinkedTasks}
                label={t('unlinkedList')}
                empty=""
                more={{ api, teamId: state.data.team.id, list: 'unlinked', searchLabel: t('searchUnlinked') }}
              />
            </section>
          )}
          <section className={styles.strategy} aria-labelledby="channel-moments">
            <Subtitle1 as="h2" id="channel-moments" className={styles.heading}>
              {t('momentsHeading')}
            </Subtitle1>
            {state.data.moments.length === 0 && <Body1 as="p" className={styles.muted}>{t('noMoments', { team: state.data.team.name })}</Body1>}
            {state.data.moments.map((moment) => (
              <MomentCard key={moment.id} moment={moment} />
            ))}
          </section>
        </>
      )}
    </main>
  );
}
