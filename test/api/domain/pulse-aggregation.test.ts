import { describe, expect, it } from 'vitest';
import { resultGroups, sampleComments, statementFigures, tallyResponses } from '../../../api/src/domain/pulse/aggregation.js';
import { orderedValues, windowErrors } from '../../../api/src/domain/pulse/pulse-rules.js';
import { markerOf, newPulseSecret } from '../../../api/src/domain/pulse/marker.js';

const responses = (teamId: string | null, count: number, values: number[]) => Array.from({ length: count }, () => ({ teamId, values }));

describe('tallies', () => {
  it('counts each value per statement for the organisation and the team, with the share agreeing (4 and 5)', () => {
    const tallies = tallyResponses(2, [...responses('a', 3, [5, 1]), ...responses('a', 2, [4, 3]), ...responses(null, 1, [2, 2])]);
    expect(tallies.organisation.respondents).toBe(6);
    expect(tallies.teams.a!.respondents).toBe(5);
    expect(statementFigures(tallies.teams.a!, 0)).toEqual({ agreeShare: 1, distribution: [0, 0, 0, 2, 3] });
    expect(statementFigures(tallies.organisation, 1)).toEqual({ agreeShare: 0, distribution: [3, 1, 2, 0, 0] });
  });

  it('refuses a response without one value 1..5 per statement', () => {
    expect(() => tallyResponses(2, [{ teamId: null, values: [1] }])).toThrow(RangeError);
    expect(() => tallyResponses(1, [{ teamId: null, values: [6] }])).toThrow(RangeError);
  });
});

describe('result groups', () => {
  const tallies = tallyResponses(1, [...responses('big', 12, [5]), ...responses('mid', 9, [4]), ...responses('small', 3, [1])]);
  const input = {
    threshold: 5,
    statementIds: ['s1'],
    tallies,
    invited: { organisation: 30, teams: { big: 14, mid: 10, small: 6 } },
    teamNames: new Map([['big', 'Big'], ['mid', 'Mid'], ['small', 'Small']]),
    organisationName: 'Org',
    answersShown: true,
    organisationOnly: false,
    comments: ['one', 'two', 'three'],
  };

  it('shows null for the small team and for the team hidden against differencing; figures for the rest', () => {
    const groups = resultGroups(input);
    const byName = Object.fromEntries(groups.map((group) => [group.name, group]));
    expect(byName.Org!.respondents).toBe(24);
    expect(byName.Big!.statements[0]).toEqual({ id: 's1', agreeShare: 1, distribution: [0, 0, 0, 0, 12] });
    expect(byName.Small!.respondents).toBeNull();
    expect(byName.Small!.statements[0]).toEqual({ id: 's1', agreeShare: null, distribution: null });
    expect(byName.Mid!.respondents).toBeNull();
    expect(byName.Org!.comments?.sort()).toEqual(['one', 'three', 'two']);
  });

  it('shows no answers at all while the pulse is open, only respondent counts', () => {
    const groups = resultGroups({ ...input, answersShown: false });
    expect(groups.every((group) => group.statements.every((statement) => statement.agreeShare === null && statement.distribution === null))).toBe(true);
    expect(groups[0]!.comments).toBeUndefined();
  });

  it('gives an employee the organisation only', () => {
    expect(resultGroups({ ...input, organisationOnly: true }).map((group) => group.kind)).toEqual(['organisation']);
  });

  it('shuffles comments: their order is not the order they were written in', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647);
    const written = Array.from({ length: 50 }, (_, index) => `c${index}`);
    const kept = sampleComments(written, 300, random);
    expect(kept.sort()).toEqual([...written].sort());
    expect(sampleComments(written, 300, random)).not.toEqual(written);
    expect(sampleComments(written, 10, random)).toHaveLength(10);
  });
});

describe('answers and windows', () => {
  const statements = [{ id: 's1' }, { id: 's2' }, { id: 's3' }];
  it('puts the values in statement order and refuses a missing, repeated or foreign statement', () => {
    expect(orderedValues(statements, [{ statementId: 's3', value: 1 }, { statementId: 's1', value: 5 }, { statementId: 's2', value: 3 }])).toEqual({ ok: true, values: [5, 3, 1] });
    expect(orderedValues(statements, [{ statementId: 's1', value: 5 }]).ok).toBe(false);
    expect(orderedValues(statements, [{ statementId: 's1', value: 5 }, { statementId: 's1', value: 4 }, { statementId: 's2', value: 3 }])).toMatchObject({ ok: false, errors: [{ path: 'answers.1.statementId' }] });
    expect(orderedValues(statements, [{ statementId: 'x', value: 5 }, { statementId: 's2', value: 4 }, { statementId: 's3', value: 3 }])).toMatchObject({ ok: false, errors: [{ path: 'answers.0.statementId' }] });
  });

  it('keeps a pulse open between an hour and 60 days', () => {
    const now = new Date('2026-03-02T09:00:00Z');
    expect(windowErrors(now, '2026-03-02T09:30:00Z')).toHaveLength(1);
    expect(windowErrors(now, '2026-03-09T09:00:00Z')).toEqual([]);
    expect(windowErrors(now, '2026-06-02T09:00:00Z')).toHaveLength(1);
  });
});

describe('the marker', () => {
  it('is the same for one person and pulse, differs across people and pulses, and needs the secret', () => {
    const secret = newPulseSecret();
    expect(markerOf(secret, 't', 'p', 'u1')).toBe(markerOf(secret, 't', 'p', 'u1'));
    expect(markerOf(secret, 't', 'p', 'u1')).not.toBe(markerOf(secret, 't', 'p', 'u2'));
    expect(markerOf(secret, 't', 'p', 'u1')).not.toBe(markerOf(secret, 't', 'q', 'u1'));
    expect(markerOf(newPulseSecret(), 't', 'p', 'u1')).not.toBe(markerOf(secret, 't', 'p', 'u1'));
  });
});
