import { VerticalBarChart } from '@fluentui/react-charts';
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { TeamComparison } from '@pulse-contracts';
import { METRIC_NAMES, METRICS } from './metrics';

const useStyles = makeStyles({
  grid: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))' },
});

/**
 * One bar chart per figure (@fluentui/react-charts). Pictures of the sortable table above them,
 * which is what screen readers and the keyboard use: the charts are inert.
 */
export function ComparisonCharts({ comparison }: { comparison: TeamComparison }) {
  const styles = useStyles();
  return (
    <div className={styles.grid} inert>
      {METRICS.map((metric) => {
        const bars = comparison.teams.flatMap((team) => (team.values[metric] === null ? [] : [{ x: team.name, y: Math.round(team.values[metric]! * 100), legend: METRIC_NAMES[metric], color: tokens.colorBrandBackground }]));
        return (
          <figure key={metric} style={{ margin: 0 }}>
            <Caption1 as="p">{METRIC_NAMES[metric]} (%)</Caption1>
            {bars.length > 0 ? <VerticalBarChart data={bars} height={200} hideLegend hideTooltip yMaxValue={100} /> : <Caption1 as="p">No figures yet.</Caption1>}
          </figure>
        );
      })}
    </div>
  );
}
