/**
 * Teams side by side, without I/O: alignment (share of tasks linked to an active strategy, from the
 * insights), the latest closed pulse (only where the anonymity rules show it), onboarding completion
 * and mission moments (issue 12 fills those in through a hook; null until then). It highlights the
 * teams that live the mission most and what sets them apart. Only teams are compared, never people.
 */

export type ComparedMetric = 'alignment' | 'pulse' | 'onboarding' | 'missionMoments';

export const METRIC_LABELS: Record<ComparedMetric, string> = {
  alignment: 'Tasks linked to a strategy',
  pulse: 'Agreeing in the latest pulse',
  onboarding: 'Onboarding completed',
  missionMoments: 'Mission moments per person',
};

export interface TeamInput {
  teamId: string;
  name: string;
  people: number;
  alignment: { tasks: number; linked: number };
  /** From the suppressed pulse results: null when the team's figures are hidden or there is no closed pulse. */
  pulseAgreeShare: number | null;
  onboarding: { assigned: number; completed: number };
  /** Mission moments recorded for the team (issue 12); null while there is no such source. */
  missionMoments: number | null;
}

export interface ComparedTeam {
  teamId: string;
  name: string;
  people: number;
  /** Each 0..1, or null when there is nothing to measure (or it is hidden). */
  values: Record<ComparedMetric, number | null>;
  /** Mean of the available values: how much the team lives the mission, as far as we can see. */
  score: number | null;
}

export interface Highlight {
  teamId: string;
  name: string;
  /** The figures where the team is well above the organisation, largest gap first. */
  standsOutOn: { metric: ComparedMetric; value: number; organisation: number }[];
}

const METRICS: readonly ComparedMetric[] = ['alignment', 'pulse', 'onboarding', 'missionMoments'];
/** A team stands out on a figure 10 points or more above the organisation's. */
export const STAND_OUT_GAP = 0.1;
export const MAX_HIGHLIGHTS = 3;
/** A score needs at least two figures: one figure alone says little about living the mission. */
const MIN_FIGURES_FOR_SCORE = 2;

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
const share = (part: number, whole: number) => (whole > 0 ? round4(part / whole) : null);

export function compareTeams(teams: readonly TeamInput[], organisationPulseAgreeShare: number | null): { teams: ComparedTeam[]; organisation: Record<ComparedMetric, number | null>; highlights: Highlight[] } {
  const mostMomentsPerPerson = Math.max(0, ...teams.map((team) => (team.missionMoments !== null && team.people > 0 ? team.missionMoments / team.people : 0)));
  const compared = teams.map((team): ComparedTeam => {
    const values: Record<ComparedMetric, number | null> = {
      alignment: share(team.alignment.linked, team.alignment.tasks),
      pulse: team.pulseAgreeShare,
      onboarding: share(team.onboarding.completed, team.onboarding.assigned),
      // Per person, scaled to the team with the most, so it weighs like the shares.
      missionMoments: team.missionMoments === null || team.people === 0 || mostMomentsPerPerson === 0 ? null : round4(team.missionMoments / team.people / mostMomentsPerPerson),
    };
    const available = METRICS.map((metric) => values[metric]).filter((value): value is number => value !== null);
    return { teamId: team.teamId, name: team.name, people: team.people, values, score: available.length >= MIN_FIGURES_FOR_SCORE ? round4(available.reduce((a, b) => a + b, 0) / available.length) : null };
  });
  const sum = (pick: (team: TeamInput) => number) => teams.reduce((total, team) => total + pick(team), 0);
  const organisation: Record<ComparedMetric, number | null> = {
    alignment: share(sum((team) => team.alignment.linked), sum((team) => team.alignment.tasks)),
    pulse: organisationPulseAgreeShare,
    onboarding: share(sum((team) => team.onboarding.completed), sum((team) => team.onboarding.assigned)),
    missionMoments: (() => {
      const values = compared.map((team) => team.values.missionMoments).filter((value): value is number => value !== null);
      return values.length > 0 ? round4(values.reduce((a, b) => a + b, 0) / values.length) : null;
    })(),
  };
  const highlights = compared
    .filter((team) => team.score !== null)
    .map((team) => ({
      team,
      standsOutOn: METRICS.flatMap((metric) => {
        const value = team.values[metric];
        const reference = organisation[metric];
        return value !== null && reference !== null && value - reference >= STAND_OUT_GAP - 1e-9 ? [{ metric, value, organisation: reference }] : [];
      }).sort((a, b) => b.value - b.organisation - (a.value - a.organisation)),
    }))
    .filter((entry) => entry.standsOutOn.length > 0)
    .sort((a, b) => b.team.score! - a.team.score! || a.team.name.localeCompare(b.team.name))
    .slice(0, MAX_HIGHLIGHTS)
    .map(({ team, standsOutOn }) => ({ teamId: team.teamId, name: team.name, standsOutOn }));
  return { teams: compared, organisation, highlights };
}

/** The comparison as CSV rows: aggregates per team and for the organisation, never a person or a response. */
export function comparisonRows(result: ReturnType<typeof compareTeams>): string[][] {
  const percent = (value: number | null) => (value === null ? 'hidden or none' : String(Math.round(value * 100)));
  return [
    ['team', 'people', ...METRICS.map((metric) => `${METRIC_LABELS[metric]} (%)`)],
    ...result.teams.map((team) => [team.name, String(team.people), ...METRICS.map((metric) => percent(team.values[metric]))]),
    ['Whole organisation', String(result.teams.reduce((total, team) => total + team.people, 0)), ...METRICS.map((metric) => percent(result.organisation[metric]))],
  ];
}

/** Companies needed before an industry benchmark is shown. */
export const MIN_BENCHMARK_COMPANIES = 5;

/**
 * The industry benchmark: quartiles of the other opted-in companies' figures, rounded to 5 points so
 * one company joining or leaving moves them little; null below MIN_BENCHMARK_COMPANIES. The caller's
 * own contribution is left out, so opting in and out tells it nothing about the others.
 */
export function benchmarkOf(others: readonly number[]): { companies: number; lowerQuartile: number; median: number; upperQuartile: number } | null {
  if (others.length < MIN_BENCHMARK_COMPANIES) return null;
  const sorted = [...others].sort((a, b) => a - b);
  const at = (q: number) => {
    const position = (sorted.length - 1) * q;
    const low = Math.floor(position);
    const high = Math.ceil(position);
    return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
  };
  const toFive = (value: number) => Math.round(value * 20) / 20;
  return { companies: sorted.length, lowerQuartile: toFive(at(0.25)), median: toFive(at(0.5)), upperQuartile: toFive(at(0.75)) };
}
