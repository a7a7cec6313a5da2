import type { TeamsComparison } from '@contracts';
import { MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { useLoaded } from '../../../app/use-loaded';
import { loadTeamsComparison } from '../api/coaching-api';

const useStyles = makeStyles({
  h2: { margin: 0 },
  scroll: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', '& th, & td': { textAlign: 'left', verticalAlign: 'top', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` } },
});

const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((100 * part) / whole)}%`);

/** Admins: leaders' teams side by side, team figures only (never a ranking of employees). */
export function TeamsComparisonView({ client }: { client: ApiClient }) {
  const styles = useStyles();
  const load = useCallback((signal: AbortSignal) => loadTeamsComparison(client, signal), [client]);
  const { state } = useLoaded<TeamsComparison>(load);
  return (
    <section aria-labelledby="compare-heading">
      <h2 id="compare-heading" className={styles.h2}>Compare leaders' teams</h2>
      {state.status === 'loading' && <Spinner size="small" label="Comparing teams…" />}
      {state.status === 'error' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>We couldn't compare the teams. {whatWentWrong(state.error)}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'ready' && (
        <div className={styles.scroll} tabIndex={0} role="region" aria-label="Teams compared">
          <table className={styles.table}>
            <caption>Team-level figures; this quarter for moments</caption>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Leaders</th>
                <th scope="col">Tasks serving a strategy</th>
                <th scope="col">Strategies nobody serves</th>
                <th scope="col">Onboarding completed</th>
                <th scope="col">Moments received</th>
                <th scope="col">Pulse</th>
                <th scope="col">Said but not served</th>
              </tr>
            </thead>
            <tbody>
              {state.data.teams.map((team) => (
                <tr key={team.team.id}>
                  <th scope="row">{team.team.name}</th>
                  <td>{team.leaders.map((leader) => leader.displayName).join(', ') || 'No leader'}</td>
                  <td>{percent(team.linkedTaskCount, team.taskCount)}</td>
                  <td>{team.strategiesWithoutTasks.length}</td>
                  <td>{percent(team.onboarding.completed, team.onboarding.assigned)}</td>
                  <td>{team.moments.received}</td>
                  <td>{team.pulse?.score ?? '–'}</td>
                  <td>{team.sayVsDoGap === null ? 'No answer yet' : team.sayVsDoGap.map((strategy) => strategy.title).join('; ') || 'None'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
