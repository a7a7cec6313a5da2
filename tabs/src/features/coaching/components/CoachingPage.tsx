import type { MyCoaching } from '@contracts';
import { Link, Card, MessageBar, MessageBarBody, Spinner, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { hrefFor, type Area } from '../../../app/routes';
import type { LoadOutcome } from '../../../app/teams-session';
import { useLoaded } from '../../../app/use-loaded';
import { usePageStyles } from '../../../components/page-styles';
import { loadMyCoaching } from '../api/coaching-api';
import { formatList, formatNumber } from '../../../i18n';
import { coachingText } from '../messages';
import { TeamsComparisonView } from './TeamsComparisonView';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, overflowWrap: 'anywhere' },
  h2: { margin: 0 },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400 },
  figures: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(10rem, 1fr))', gap: tokens.spacingHorizontalM, margin: 0 },
  figure: { display: 'flex', flexDirection: 'column', '& dd': { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold } },
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(14rem, 1fr))', gap: tokens.spacingHorizontalL },
  gap: { color: tokens.colorPaletteRedForeground1 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export interface CoachingPageProps {
  client: ApiClient;
  isAdmin: boolean;
  onFirstLoad?: (outcome: LoadOutcome) => void;
}

const share = (part: number, whole: number) => (whole === 0 ? coachingText.text('noneYet') : coachingText.text('share', { part, whole }));

/** A leader's coaching view: their team's figures, what they said vs what their team does, and what to do next. */
export default function CoachingPage({ client, isAdmin, onFirstLoad }: CoachingPageProps) {
  const t = coachingText.useText();
  const page = usePageStyles();
  const styles = useStyles();
  const load = useCallback((signal: AbortSignal) => loadMyCoaching(client, signal), [client]);
  const { state } = useLoaded<MyCoaching>(load, onFirstLoad);

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
      {state.status === 'ready' && (
        <>
          <Card className={styles.card}>
            <h2 className={styles.h2}>{t('latestAnswer')}</h2>
            {state.data.latestAnswer ? (
              <>
                <Text dir="auto">{state.data.latestAnswer.question}</Text>
                <blockquote dir="auto">{state.data.latestAnswer.text}</blockquote>
              </>
            ) : (
              <Text>{t('noAnswer')}</Text>
            )}
          </Card>
          {state.data.teams.length === 0 && <Text>{t('noTeams')}</Text>}
          {state.data.teams.map((team) => (
            <Card key={team.team.id} className={styles.card}>
              <h2 className={styles.h2}>{team.team.name}</h2>
              <dl className={styles.figures}>
                <div className={styles.figure}><dt>{t('linkedTasks')}</dt><dd>{share(team.linkedTaskCount, team.taskCount)}</dd></div>
                <div className={styles.figure}><dt>{t('onboardingCompleted')}</dt><dd>{share(team.onboarding.completed, team.onboarding.assigned)}</dd></div>
                <div className={styles.figure}><dt>{t('momentsReceived')}</dt><dd>{formatNumber(team.moments.received)}</dd></div>
                <div className={styles.figure}><dt>{t('momentsGiven')}</dt><dd>{formatNumber(team.moments.given)}</dd></div>
                <div className={styles.figure}><dt>{t('pulse')}</dt><dd>{team.pulse === null ? t('noPulse') : team.pulse.score === null ? t('pulseHidden') : formatNumber(team.pulse.score)}</dd></div>
              </dl>
              {team.strategiesWithoutTasks.length > 0 && <Text>{t('unserved', { strategies: formatList(team.strategiesWithoutTasks.map((strategy) => strategy.title), 'unit') })}</Text>}
              <section aria-labelledby={`say-do-${team.team.id}`}>
                <h3 id={`say-do-${team.team.id}`} className={styles.h3}>{t('sayVsDo')}</h3>
                {team.sayVsDo ? (
                  <div className={styles.columns}>
                    <div>
                      <Text weight="semibold">{t('said')}</Text>
                      <ul className={styles.list}>{team.sayVsDo.said.map((strategy) => <li key={strategy.id}>{strategy.title}</li>)}</ul>
                    </div>
                    <div>
                      <Text weight="semibold">{t('served')}</Text>
                      <ul className={styles.list}>{team.sayVsDo.served.map((strategy) => <li key={strategy.id}>{strategy.title}</li>)}</ul>
                    </div>
                    <div>
                      <Text weight="semibold">{t('gap')}</Text>
                      {team.sayVsDo.saidNotServed.length === 0 ? (
                        <Text block>{t('noGap')}</Text>
                      ) : (
                        <ul className={styles.list}>{team.sayVsDo.saidNotServed.map((strategy) => <li key={strategy.id} className={styles.gap}>{t('saidNotServed', { title: strategy.title })}</li>)}</ul>
                      )}
                    </div>
                  </div>
                ) : (
                  <Text>{t('answerFirst')}</Text>
                )}
              </section>
              <section aria-labelledby={`next-${team.team.id}`}>
                <h3 id={`next-${team.team.id}`} className={styles.h3}>{t('next')}</h3>
                {team.suggestions.length === 0 ? (
                  <Text>{t('nothingStandsOut')}</Text>
                ) : (
                  <ul className={styles.list}>
                    {team.suggestions.map((suggestion) => (
                      <li key={suggestion.id}>
                        {suggestion.text} <Link href={hrefFor(suggestion.action.area as Area, suggestion.action.params)}>{suggestion.actionLabel}</Link>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </Card>
          ))}
        </>
      )}
      {isAdmin && <TeamsComparisonView client={client} />}
    </main>
  );
}
