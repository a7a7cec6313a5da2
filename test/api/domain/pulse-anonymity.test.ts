/**
 * The anonymity rules of pulse results, with worked examples (k = 5 unless said) and the attacks
 * they block: a small group by itself, and a small group by subtraction from the organisation total.
 */
import { describe, expect, it } from 'vitest';
import { differencingRemainder, suppressGroups, type SuppressionInput } from '../../../api/src/domain/pulse/anonymity.js';

const shown = (input: SuppressionInput) => [...suppressGroups(input).shownTeamIds].sort();

describe('threshold: a group is shown only when at least k answered', () => {
  it('hides a team of 4 at k = 5 and shows one of 5 (the hidden 4 + 1 make 5, so nothing else need go)', () => {
    const input = { threshold: 5, organisation: 25, teams: [{ id: 'a', respondents: 5 }, { id: 'b', respondents: 15 }, { id: 'c', respondents: 4 }, { id: 'e', respondents: 1 }] };
    const result = suppressGroups(input);
    expect(result.hidden.get('c')).toBe('below_threshold');
    expect(result.shownTeamIds.has('a')).toBe(true);
  });

  it('shows nothing at all when the organisation itself is below k', () => {
    const result = suppressGroups({ threshold: 5, organisation: 4, teams: [{ id: 'a', respondents: 4 }] });
    expect(result.organisationShown).toBe(false);
    expect(result.shownTeamIds.size).toBe(0);
  });

  it('honours a tenant threshold other than 5 (k = 10)', () => {
    expect(shown({ threshold: 10, organisation: 40, teams: [{ id: 'a', respondents: 9 }, { id: 'b', respondents: 31 }] })).toEqual([]);
    expect(shown({ threshold: 3, organisation: 40, teams: [{ id: 'a', respondents: 9 }, { id: 'b', respondents: 31 }] })).toEqual(['a', 'b']);
  });

  it('refuses a threshold outside 3..25', () => {
    expect(() => suppressGroups({ threshold: 2, organisation: 10, teams: [] })).toThrow(RangeError);
    expect(() => suppressGroups({ threshold: 26, organisation: 10, teams: [] })).toThrow(RangeError);
  });
});

describe('no differencing: organisation minus the shown teams never reveals fewer than k people', () => {
  it('attack: exactly one team below k — A 12, B 9, C 3, organisation 24. 24 − 12 − 9 would give C; B is hidden too', () => {
    const input = { threshold: 5, organisation: 24, teams: [{ id: 'a', respondents: 12 }, { id: 'b', respondents: 9 }, { id: 'c', respondents: 3 }] };
    const result = suppressGroups(input);
    expect([...result.shownTeamIds]).toEqual(['a']);
    expect(result.hidden.get('b')).toBe('differencing');
    expect(differencingRemainder(input, result)).toBe(12);
  });

  it('attack: people without a team — A 10, B 10, three without a team, organisation 23: B is hidden', () => {
    const input = { threshold: 5, organisation: 23, teams: [{ id: 'a', respondents: 10 }, { id: 'b', respondents: 10 }] };
    const result = suppressGroups(input);
    expect(result.shownTeamIds.size).toBe(1);
    expect(differencingRemainder(input, result)).toBe(13);
  });

  it('attack: two small teams whose sum is still below k — C 2 and D 2: one more team is hidden', () => {
    const input = { threshold: 5, organisation: 34, teams: [{ id: 'a', respondents: 20 }, { id: 'b', respondents: 10 }, { id: 'c', respondents: 2 }, { id: 'd', respondents: 2 }] };
    const result = suppressGroups(input);
    expect([...result.shownTeamIds]).toEqual(['a']);
    expect(differencingRemainder(input, result)).toBe(14);
  });

  it('leaves everything shown when the hidden remainder is already at least k (C 3 + D 3 = 6)', () => {
    const input = { threshold: 5, organisation: 36, teams: [{ id: 'a', respondents: 20 }, { id: 'b', respondents: 10 }, { id: 'c', respondents: 3 }, { id: 'd', respondents: 3 }] };
    expect(shown(input)).toEqual(['a', 'b']);
  });

  it('shows the organisation when only a second team would have to go and none is left: it stays the only figure', () => {
    const input = { threshold: 5, organisation: 8, teams: [{ id: 'a', respondents: 6 }, { id: 'b', respondents: 2 }] };
    const result = suppressGroups(input);
    expect(result.organisationShown).toBe(true);
    expect(result.shownTeamIds.size).toBe(0);
    expect(differencingRemainder(input, result)).toBe(8);
  });

  it('does not depend on the order teams come in', () => {
    const teams = [{ id: 'a', respondents: 7 }, { id: 'b', respondents: 7 }, { id: 'c', respondents: 1 }];
    expect(shown({ threshold: 5, organisation: 15, teams })).toEqual(shown({ threshold: 5, organisation: 15, teams: [...teams].reverse() }));
  });

  it('property: for many random organisations, every remainder is 0 or ≥ k and every shown team is ≥ k', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 2_000; round += 1) {
      const threshold = 3 + Math.floor(random() * 23);
      const teams = Array.from({ length: 1 + Math.floor(random() * 8) }, (_, index) => ({ id: `t${index}`, respondents: Math.floor(random() * 2 * threshold) }));
      const organisation = teams.reduce((sum, team) => sum + team.respondents, 0) + Math.floor(random() * threshold);
      const input = { threshold, organisation, teams };
      const result = suppressGroups(input);
      const remainder = differencingRemainder(input, result);
      if (remainder !== null) expect(remainder === 0 || remainder >= threshold, JSON.stringify(input)).toBe(true);
      for (const team of teams) if (result.shownTeamIds.has(team.id)) expect(team.respondents).toBeGreaterThanOrEqual(threshold);
      if (organisation < threshold) expect(result.organisationShown).toBe(false);
    }
  });
});
