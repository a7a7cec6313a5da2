import { describe, expect, it } from 'vitest';
import { benchmarkOf, compareTeams, comparisonRows, type TeamInput } from '../../../api/src/domain/pulse/team-comparison.js';

const team = (teamId: string, overrides: Partial<TeamInput> = {}): TeamInput => ({
  teamId,
  name: teamId.toUpperCase(),
  people: 10,
  alignment: { tasks: 10, linked: 5 },
  pulseAgreeShare: 0.5,
  onboarding: { assigned: 10, completed: 5 },
  missionMoments: null,
  ...overrides,
});

describe('teams compared', () => {
  it('highlights the team that lives the mission most and names the figures that set it apart', () => {
    const result = compareTeams([team('a', { alignment: { tasks: 10, linked: 9 }, pulseAgreeShare: 0.9 }), team('b'), team('c')], 0.6);
    expect(result.highlights.map((highlight) => highlight.teamId)).toEqual(['a']);
    expect(result.highlights[0]!.standsOutOn.map((entry) => entry.metric)).toEqual(['pulse', 'alignment']);
    expect(result.organisation.alignment).toBeCloseTo(19 / 30, 4);
  });

  it('gives no score on one figure alone, and no highlight to a team that is not ahead on anything', () => {
    const result = compareTeams([team('a', { alignment: { tasks: 0, linked: 0 }, pulseAgreeShare: null, onboarding: { assigned: 4, completed: 4 } }), team('b')], null);
    expect(result.teams[0]!.score).toBeNull();
    expect(result.highlights).toEqual([]);
  });

  it('leaves a hidden pulse figure hidden (null), and scales mission moments per person to the busiest team', () => {
    const result = compareTeams([team('a', { pulseAgreeShare: null, missionMoments: 20 }), team('b', { missionMoments: 5, people: 5 })], null);
    expect(result.teams.map((entry) => entry.values.pulse)).toEqual([null, 0.5]);
    expect(result.teams.map((entry) => entry.values.missionMoments)).toEqual([1, 0.5]);
  });

  it('exports aggregates only: a header, one row per team, the organisation', () => {
    const rows = comparisonRows(compareTeams([team('a'), team('b', { pulseAgreeShare: null })], 0.5));
    expect(rows).toHaveLength(4);
    expect(rows[2]).toContain('hidden or none');
    expect(rows[3]![0]).toBe('Whole organisation');
  });
});

describe('industry benchmark', () => {
  it('needs five other companies, and shows quartiles rounded to 5 points, never a company’s own figure', () => {
    expect(benchmarkOf([0.5, 0.6, 0.7, 0.8])).toBeNull();
    expect(benchmarkOf([0.52, 0.61, 0.7, 0.79, 0.93])).toEqual({ companies: 5, lowerQuartile: 0.6, median: 0.7, upperQuartile: 0.8 });
  });
});
