import type { AlignmentRoundResults } from '@contracts';
import { MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { useLoaded } from '../../../app/use-loaded';
import { loadResults } from '../api/rounds-api';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  score: { fontSize: tokens.fontSizeHero800, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero800 },
  leaders: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, listStyle: 'none', margin: 0, padding: 0 },
  leader: { borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`, paddingLeft: tokens.spacingHorizontalM, overflowWrap: 'anywhere' },
  outlier: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  h3: { margin: 0 },
  scroll: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', '& th, & td': { textAlign: 'left', verticalAlign: 'top', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` }, '& caption': { textAlign: 'left' } },
});

const PART_NAMES = { strategyAgreement: 'Strategy agreement (mean pairwise Jaccard)', textConsistency: 'Text consistency (answers alike)', missionEcho: 'Mission echo (answers alike the mission)', kappa: "Chance-corrected agreement (Fleiss' kappa)" } as const;
const percent = (value: number | null) => (value === null ? 'not enough answers' : `${Math.round(value * 100)}%`);
const titles = (list: { title: string }[]) => list.map((item) => item.title).join('; ');

/** The scored round: one score 0–100 with its parts, who diverges most and on what, every answer, and the trend. */
export function RoundResults({ client, roundId }: { client: ApiClient; roundId: string }) {
  const styles = useStyles();
  const load = useCallback((signal: AbortSignal) => loadResults(client, roundId, signal), [client, roundId]);
  const { state } = useLoaded<AlignmentRoundResults>(load);
  if (state.status === 'loading') return <Spinner size="small" label="Scoring the round…" />;
  if (state.status === 'error') {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>We couldn't load the results. {whatWentWrong(state.error)}</MessageBarBody>
      </MessageBar>
    );
  }
  const results = state.data;
  const outlier = results.leaders.find((leader) => leader.id === results.outlierId);
  return (
    <section className={styles.section} aria-labelledby="results-heading">
      <h3 id="results-heading" className={styles.h3}>
        Results
      </h3>
      <Text>
        Alignment score <span className={styles.score}>{results.score ?? '–'}</span> out of 100, from {results.answered} of {results.invited} leaders.
      </Text>
      <div className={styles.scroll}>
        <table className={styles.table}>
          <caption>How the score is made</caption>
          <thead>
            <tr>
              <th scope="col">Part</th>
              <th scope="col">Value</th>
              <th scope="col">Weight</th>
            </tr>
          </thead>
          <tbody>
            {results.parts.map((part) => (
              <tr key={part.name}>
                <th scope="row">{PART_NAMES[part.name]}</th>
                <td>{part.name === 'kappa' ? (part.value === null ? 'needs 3 or more answers' : part.value.toFixed(2)) : percent(part.value)}</td>
                <td>{part.weight === 0 ? 'shown, not weighed' : `${part.weight * 100}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {outlier ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {outlier.displayName} diverges most.
            {outlier.rarePicks.length > 0 && ` Picked what few others did: ${titles(outlier.rarePicks)}.`}
            {outlier.missedPicks.length > 0 && ` Did not pick what everyone else did: ${titles(outlier.missedPicks)}.`}
            {outlier.distinctiveTerms.length > 0 && ` Their own words: ${outlier.distinctiveTerms.join(', ')}.`}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <Text>No single leader stands apart from the rest.</Text>
      )}
      <ol className={styles.leaders} aria-label="Leaders, most divergent first">
        {results.leaders.map((leader) => (
          <li key={leader.id} className={`${styles.leader} ${leader.id === results.outlierId ? styles.outlier : ''}`}>
            <Text weight="semibold">{leader.displayName}</Text> <Text>(divergence {percent(leader.divergence)})</Text>
            <blockquote>{leader.answer.text}</blockquote>
            <Text>Picked: {titles(leader.answer.strategies) || 'nothing'}</Text>
            {leader.missingTerms.length > 0 && <Text block>Words the others used that they did not: {leader.missingTerms.join(', ')}.</Text>}
          </li>
        ))}
      </ol>
      {results.trend.length > 1 && (
        <div>
          <h3 className={styles.h3}>Trend across rounds</h3>
          <ol>
            {results.trend.map((point) => (
              <li key={point.roundId}>
                {new Date(point.closedAt).toLocaleDateString(undefined, { timeZone: 'UTC' })}: {point.score ?? 'not scored'}
                {point.change !== null && ` (${point.change >= 0 ? '+' : ''}${point.change})`}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
