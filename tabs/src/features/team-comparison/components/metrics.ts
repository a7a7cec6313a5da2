import type { TeamComparison } from '@pulse-contracts';
import { compareText, formatPercent } from '../../../i18n';
import { comparisonText } from '../messages';

export type Metric = keyof TeamComparison['organisation'];

export const METRICS: readonly Metric[] = ['alignment', 'pulse', 'onboarding', 'missionMoments'];

/** A figure's name in the reader's language: a column heading, a chart caption. */
export const metricName = (metric: Metric): string => comparisonText.text('metric', { metric });

/** 0.42 → "42%" in the reader's locale; a hidden or missing figure is a dash. */
export const percent = (value: number | null) => (value === null ? comparisonText.text('noFigure') : formatPercent(value));

export type SortKey = 'name' | 'people' | 'score' | Metric;

/** Rows sorted by a column; hidden or missing figures (null) always last. */
export function sortTeams(teams: TeamComparison['teams'], key: SortKey, direction: 'ascending' | 'descending'): TeamComparison['teams'] {
  const value = (team: TeamComparison['teams'][number]): string | number | null =>
    key === 'name' ? team.name : key === 'people' ? team.people : key === 'score' ? team.score : team.values[key];
  const sign = direction === 'ascending' ? 1 : -1;
  return [...teams].sort((a, b) => {
    const left = value(a);
    const right = value(b);
    if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1;
    return (typeof left === 'string' ? compareText(left, right as string) : left - (right as number)) * sign;
  });
}
