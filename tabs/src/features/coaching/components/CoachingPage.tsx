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
import { TeamsComparisonView } from './TeamsComparisonView';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, overflowWrap: 'anywhere' },
  h2: { margin: 0 },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400 },
  figures: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(10rem, 1fr))', gap: tokens.spacingHorizontalM, margin: 0 },
  figure: { display: 'flex', flexDirection: 'column', '& dd': { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold } },
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(14rem, 1fr))', gap: tokens.spacingHorizontalL },
  gap: { color: tokens.colorPaletteRedForeground1 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface CoachingPageProps {
  client: ApiClient;
  isAdmin: boolean;
  onFirstLoad?: (outcome: LoadOutcome) => void;
}

const share = (part: number, whole: number) => (whole === 0 ? 'none yet' : `${part} of ${whole}`);

/** A leader's coaching view: their team's figures, what they said vs what their team does, and what to do next. */
export default function CoachingPage({ client, isAdmin, onFirstLoad }: CoachingPageProps) {
  const page = usePageStyles();
  const styles = useStyles();
  const load = useCallback((signal: AbortSignal) => loadMyCoaching(client, signal), [client]);
  const { state } = useLoaded<MyCoaching>(load, onFirstLoad);

  return (
    <main className={page.page}>
      <Title3 as="h1" className={page.heading}>
        Coaching
      </Title3>
      {state.status === 'loading' && <Spinner label="Gathering your team's figures…" />}
      {state.status === 'error' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>We couldn't load your coaching view. {whatWentWrong(state.error)}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'ready' && (
        <>
          <Card className={styles.card}>
            <h2 className={styles.h2}>Your latest round answer</h2>
            {state.data.latestAnswer ? (
              <>
                <Text>{state.data.latestAnswer.question}</Text>
                <blockquote>{state.data.latestAnswer.text}</blockquote>
              </>
            ) : (
              <Text>You have not answered an alignment round yet.</Text>
            )}
          </Card>
          {state.data.teams.length === 0 && <Text>You don't lead a team in Line of Sight yet, so there are no team figures to show.</Text>}
          {state.data.teams.map((team) => (
            <Card key={team.team.id} className={styles.card}>
              <h2 className={styles.h2}>{team.team.name}</h2>
              <dl className={styles.figures}>
                <div className={styles.figure}><dt>Tasks that serve a strategy</dt><dd>{share(team.linkedTaskCount, team.taskCount)}</dd></div>
                <div className={styles.figure}><dt>Onboarding modules completed</dt><dd>{share(team.onboarding.completed, team.onboarding.assigned)}</dd></div>
                <div className={styles.figure}><dt>Moments received this quarter</dt><dd>{team.moments.received}</dd></div>
                <div className={styles.figure}><dt>Moments given this quarter</dt><dd>{team.moments.given}</dd></div>
                <div className={styles.figure}><dt>Pulse</dt><dd>{team.pulse === null ? 'No pulse yet' : team.pulse.score === null ? 'Hidden to keep answers anonymous' : team.pulse.score}</dd></div>
              </dl>
              {team.strategiesWithoutTasks.length > 0 && <Text>Strategies nobody on the team serves: {team.strategiesWithoutTasks.map((strategy) => strategy.title).join('; ')}.</Text>}
              <section aria-labelledby={`say-do-${team.team.id}`}>
                <h3 id={`say-do-${team.team.id}`} className={styles.h3}>Say vs do</h3>
                {team.sayVsDo ? (
                  <div className={styles.columns}>
                    <div>
                      <Text weight="semibold">You said your job exists to advance</Text>
                      <ul className={styles.list}>{team.sayVsDo.said.map((strategy) => <li key={strategy.id}>{strategy.title}</li>)}</ul>
                    </div>
                    <div>
                      <Text weight="semibold">Your team's tasks serve</Text>
                      <ul className={styles.list}>{team.sayVsDo.served.map((strategy) => <li key={strategy.id}>{strategy.title}</li>)}</ul>
                    </div>
                    <div>
                      <Text weight="semibold">The gap</Text>
                      {team.sayVsDo.saidNotServed.length === 0 ? (
                        <Text block>Your team's work serves everything you said.</Text>
                      ) : (
                        <ul className={styles.list}>{team.sayVsDo.saidNotServed.map((strategy) => <li key={strategy.id} className={styles.gap}>Said, not served: {strategy.title}</li>)}</ul>
                      )}
                    </div>
                  </div>
                ) : (
                  <Text>Answer an alignment round to compare what you say with what your team does.</Text>
                )}
              </section>
              <section aria-labelledby={`next-${team.team.id}`}>
                <h3 id={`next-${team.team.id}`} className={styles.h3}>What to do next</h3>
                {team.suggestions.length === 0 ? (
                  <Text>Nothing stands out. Keep going.</Text>
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
