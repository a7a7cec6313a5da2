import type { TeamsComparison } from '@contracts';
import { MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { useLoaded } from '../../../app/use-loaded';
import { formatList, formatNumber, formatPercent } from '../../../i18n';
import { loadTeamsComparison } from '../api/coaching-api';
import { coachingText } from '../messages';

const useStyles = makeStyles({
  h2: { margin: 0 },
  scroll: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', '& th, & td': { textAlign: 'start', verticalAlign: 'top', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` } },
});

const percent = (part: number, whole: number) => (whole === 0 ? '–' : formatPercent(part / whole));

/** Admins: leaders' teams side by side, team figures only (never a ranking of employees). */
export function TeamsComparisonView({ client }: { client: ApiClient }) {
  const t = coachingText.useText();
  const styles = useStyles();
  const load = useCallback((signal: AbortSignal) => loadTeamsComparison(client, signal), [client]);
  const { state } = useLoaded<TeamsComparison>(load);
  return (
    <section aria-labelledby="compare-heading">
      <h2 id="compare-heading" className={styles.h2}>{t('compare.heading')}</h2>
      {state.status === 'loading' && <Spinner size="small" label={t('compare.loading')} />}
      {state.status === 'error' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('compare.failed', { reason: whatWentWrong(state.error) })}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'ready' && (
        <div className={styles.scroll} tabIndex={0} role="region" aria-label={t('compare.region')}>
          <table className={styles.table}>
            <caption>{t('compare.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('compare.team')}</th>
                <th scope="col">{t('compare.leaders')}</th>
                <th scope="col">{t('compare.linked')}</th>
                <th scope="col">{t('compare.unserved')}</th>
                <th scope="col">{t('compare.onboarding')}</th>
                <th scope="col">{t('compare.moments')}</th>
                <th scope="col">{t('compare.pulse')}</th>
                <th scope="col">{t('compare.gap')}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.teams.map((team) => (
                <tr key={team.team.id}>
                  <th scope="row">{team.team.name}</th>
                  <td>{team.leaders.length > 0 ? formatList(team.leaders.map((leader) => leader.displayName)) : t('compare.noLeader')}</td>
                  <td>{percent(team.linkedTaskCount, team.taskCount)}</td>
                  <td>{formatNumber(team.strategiesWithoutTasks.length)}</td>
                  <td>{percent(team.onboarding.completed, team.onboarding.assigned)}</td>
                  <td>{formatNumber(team.moments.received)}</td>
                  <td>{team.pulse?.score == null ? '–' : formatNumber(team.pulse.score)}</td>
                  <td>{team.sayVsDoGap === null ? t('compare.noAnswer') : team.sayVsDoGap.length > 0 ? formatList(team.sayVsDoGap.map((strategy) => strategy.title), 'unit') : t('compare.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
