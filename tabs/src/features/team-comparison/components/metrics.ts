import type { TeamComparison } from '@pulse-contracts';

export type Metric = keyof TeamComparison['organisation'];

export const METRICS: readonly Metric[] = ['alignment', 'pulse', 'onboarding', 'missionMoments'];

export const METRIC_NAMES: Record<Metric, string> = {
  alignment: 'Tasks linked to a strategy',
  pulse: 'Agreeing in the latest pulse',
  onboarding: 'Onboarding completed',
  missionMoments: 'Mission moments (relative)',
};

export const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);

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
    return (typeof left === 'string' ? left.localeCompare(right as string) : left - (right as number)) * sign;
  });
}
