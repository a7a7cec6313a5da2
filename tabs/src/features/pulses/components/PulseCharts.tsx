import { HorizontalBarChart, VerticalBarChart, type ChartProps } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';

/**
 * Charts from @fluentui/react-charts. They are pictures of the table beside them: screen readers and
 * the keyboard use the table, and the chart is `inert` (its bars would otherwise take focus inside a
 * part hidden from screen readers), so nothing is only in the chart.
 */
const SCALE_COLOURS = [
  tokens.colorPaletteRedBackground3,
  tokens.colorPaletteMarigoldBackground3,
  tokens.colorNeutralBackground5,
  tokens.colorPaletteLightGreenBackground3,
  tokens.colorPaletteGreenBackground3,
];

/** `scale`: the agreement scale's five answers in the reader's language, the legend of each bar's parts. */
export function DistributionChart({ rows, scale }: { rows: { text: string; distribution: number[] }[]; scale: readonly string[] }) {
  const data: ChartProps[] = rows.map((row) => {
    const total = row.distribution.reduce((sum, count) => sum + count, 0);
    return {
      chartTitle: row.text,
      chartData: row.distribution.map((count, index) => ({
        legend: scale[index]!,
        horizontalBarChartdata: { x: count, total },
        color: SCALE_COLOURS[index]!,
      })),
    };
  });
  return (
    <div inert>
      <HorizontalBarChart data={data} hideTooltip chartDataMode="default" />
    </div>
  );
}

/** One bar per item (e.g. a team or a pulse), 0–100 %. */
export function ShareChart({ bars, label }: { bars: { name: string; share: number }[]; label: string }) {
  return (
    <div inert data-chart={label}>
      <VerticalBarChart
        data={bars.map((bar) => ({ x: bar.name, y: Math.round(bar.share * 100), legend: label, color: tokens.colorBrandBackground }))}
        height={220}
        hideTooltip
        hideLegend
        yMaxValue={100}
      />
    </div>
  );
}
