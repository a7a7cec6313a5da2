import type { AlignmentRoundResults } from '@contracts';
import { MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { useLoaded } from '../../../app/use-loaded';
import { formatDay, formatList, formatNumber, formatPercent } from '../../../i18n';
import { loadResults } from '../api/rounds-api';
import { alignmentText } from '../messages';

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

const t = alignmentText.text;
const percent = (value: number | null) => (value === null ? t('results.notEnough') : formatPercent(value));
// Titles may hold commas, so they are listed as units ("a, b, c" without "and").
const titles = (list: { title: string }[]) => formatList(list.map((item) => item.title), 'unit');

/** The scored round: one score 0–100 with its parts, who diverges most and on what, every answer, and the trend. */
export function RoundResults({ client, roundId }: { client: ApiClient; roundId: string }) {
  const styles = useStyles();
  alignmentText.useText();
  const load = useCallback((signal: AbortSignal) => loadResults(client, roundId, signal), [client, roundId]);
  const { state } = useLoaded<AlignmentRoundResults>(load);
  if (state.status === 'loading') return <Spinner size="small" label={t('results.loading')} />;
  if (state.status === 'error') {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{t('results.loadFailed', { why: whatWentWrong(state.error) })}</MessageBarBody>
      </MessageBar>
    );
  }
  const results = state.data;
  const outlier = results.leaders.find((leader) => leader.id === results.outlierId);
  return (
    <section className={styles.section} aria-labelledby="results-heading">
      <h3 id="results-heading" className={styles.h3}>
        {t('results.heading')}
      </h3>
      {/* Label, big number, then where it comes from: each a phrase of its own, so no sentence is split around the number. */}
      <Text>
        {t('results.scoreLabel')} <span className={styles.score}>{results.score === null ? t('results.noScore') : formatNumber(results.score)}</span>{' '}
        {t('results.from', { answered: results.answered, invited: results.invited })}
      </Text>
      <div className={styles.scroll}>
        <table className={styles.table}>
          <caption>{t('results.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.part')}</th>
              <th scope="col">{t('results.value')}</th>
              <th scope="col">{t('results.weight')}</th>
            </tr>
          </thead>
          <tbody>
            {results.parts.map((part) => (
              <tr key={part.name}>
                <th scope="row">{t('results.partName', { part: part.name })}</th>
                <td>
                  {part.name === 'kappa'
                    ? part.value === null
                      ? t('results.kappaNeeds', { count: 3 })
                      : formatNumber(part.value, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
                    : percent(part.value)}
                </td>
                <td>{part.weight === 0 ? t('results.notWeighed') : formatPercent(part.weight)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {outlier ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t('results.outlier', { name: outlier.displayName })}
            {outlier.rarePicks.length > 0 && t('results.rarePicks', { titles: titles(outlier.rarePicks) })}
            {outlier.missedPicks.length > 0 && t('results.missedPicks', { titles: titles(outlier.missedPicks) })}
            {outlier.distinctiveTerms.length > 0 && t('results.ownWords', { words: formatList(outlier.distinctiveTerms, 'unit') })}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <Text>{t('results.noOutlier')}</Text>
      )}
      <ol className={styles.leaders} aria-label={t('results.leaders')}>
        {results.leaders.map((leader) => (
          <li key={leader.id} className={`${styles.leader} ${leader.id === results.outlierId ? styles.outlier : ''}`}>
            <Text weight="semibold">{leader.displayName}</Text> <Text>{t('results.divergence', { value: percent(leader.divergence) })}</Text>
            <blockquote dir="auto">{leader.answer.text}</blockquote>
            <Text>{leader.answer.strategies.length > 0 ? t('results.picked', { titles: titles(leader.answer.strategies) }) : t('results.pickedNothing')}</Text>
            {leader.missingTerms.length > 0 && <Text block>{t('results.missingTerms', { words: formatList(leader.missingTerms, 'unit') })}</Text>}
          </li>
        ))}
      </ol>
      {results.trend.length > 1 && (
        <div>
          <h3 className={styles.h3}>{t('results.trend')}</h3>
          <ol>
            {results.trend.map((point) => (
              <li key={point.roundId}>
                {t(point.score === null ? 'results.pointUnscored' : point.change === null ? 'results.point' : 'results.pointChange', {
                  day: formatDay(point.closedAt),
                  score: point.score === null ? '' : formatNumber(point.score),
                  change: point.change === null ? '' : formatNumber(point.change, { signDisplay: 'always' }),
                })}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
