import { VerticalBarChart } from '@fluentui/react-charts';
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { TeamComparison } from '@pulse-contracts';
import { activeFormattingLocale, formatNumber } from '../../../i18n';
import { comparisonText } from '../messages';
import { METRICS, metricName } from './metrics';

const useStyles = makeStyles({
  grid: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 16rem), 1fr))' },
  figure: { margin: 0, minWidth: 0 },
});

/** The y axis in the reader's digits (Arabic-Indic in Arabic): the caption says they are percentages. */
const axisNumber = (value: number) => formatNumber(value);

/**
 * One bar chart per figure (@fluentui/react-charts). Pictures of the sortable table above them,
 * which is what screen readers and the keyboard use: the charts are inert.
 */
export function ComparisonCharts({ comparison }: { comparison: TeamComparison }) {
  const styles = useStyles();
  const t = comparisonText.useText();
  return (
    <div className={styles.grid} inert>
      {METRICS.map((metric) => {
        const name = metricName(metric);
        const bars = comparison.teams.flatMap((team) => (team.values[metric] === null ? [] : [{ x: team.name, y: Math.round(team.values[metric]! * 100), legend: name, color: tokens.colorBrandBackground }]));
        return (
          <figure key={metric} className={styles.figure}>
            <Caption1 as="p">{t('chartCaption', { metric: name })}</Caption1>
            {bars.length > 0 ? (
              <VerticalBarChart data={bars} height={200} hideLegend hideTooltip yMaxValue={100} culture={activeFormattingLocale()} yAxisTickFormat={axisNumber} />
            ) : (
              <Caption1 as="p">{t('noFigures')}</Caption1>
            )}
          </figure>
        );
      })}
    </div>
  );
}
