import { describe, expect, it } from 'vitest';
import { fleissKappaOfPicks, jaccard, meanPairwiseJaccard, pairwiseJaccard, roundTrend, scoreRound } from '../../../api/src/domain/alignment-round-scoring.js';

const MISSION = 'Tell customers about delays before they ask.';
const OFFERED = ['A', 'B', 'C', 'D'];
const SAME = 'I get paid to make sure customers hear about delays before they ask.';

describe('strategy agreement', () => {
  it('Jaccard: shared over union', () => {
    expect(jaccard(['A', 'B'], ['B', 'C'])).toBeCloseTo(1 / 3, 10);
    expect(jaccard(['A'], ['A'])).toBe(1);
    expect(jaccard(['A'], ['B'])).toBe(0);
  });

  it('mean pairwise Jaccard: {A,B}, {A,B}, {C} → (1 + 0 + 0) / 3', () => {
    expect(meanPairwiseJaccard([['A', 'B'], ['A', 'B'], ['C']])).toBeCloseTo(1 / 3, 10);
    expect(pairwiseJaccard([['A', 'B'], ['B'], ['C']])).toEqual([[1, 0.5, 0], [0.5, 1, 0], [0, 0, 1]]);
  });

  it('Fleiss kappa, disjoint single picks of three strategies by three leaders = −0.5', () => {
    // Each strategy: 1 yes, 2 no → P_i = (0 + 2) / 6 = 1/3; p = 3/9 → P_e = 1/9 + 4/9 = 5/9; κ = (1/3 − 5/9) / (4/9) = −1/2.
    expect(fleissKappaOfPicks([['A'], ['B'], ['C']], ['A', 'B', 'C'])).toBeCloseTo(-0.5, 10);
  });

  it('Fleiss kappa is 1 for identical picks among offered strategies, null when nothing varies', () => {
    expect(fleissKappaOfPicks([['A'], ['A'], ['A']], OFFERED)).toBeCloseTo(1, 10);
    expect(fleissKappaOfPicks([['A'], ['A']], ['A'])).toBeNull();
  });
});

describe('scoring a round (worked examples)', () => {
  it('identical answers → 100, agreement 1, kappa 1, nobody diverges', () => {
    const result = scoreRound(
      ['l1', 'l2', 'l3'].map((leaderId) => ({ leaderId, text: SAME, strategyIds: ['A', 'B'] })),
      OFFERED,
      MISSION,
    );
    expect(result.score).toBe(100);
    expect(result.strategyAgreement).toBe(1);
    expect(result.textConsistency).toBe(1);
    expect(result.kappa).toBe(1);
    expect(result.outlierId).toBeNull();
    expect(result.leaders.map((leader) => leader.divergence)).toEqual([0, 0, 0]);
    expect(result.parts.find((part) => part.name === 'missionEcho')!.weight).toBe(0);
  });

  it('disjoint picks → strategy agreement 0 and kappa −0.5; identical texts still count half', () => {
    const result = scoreRound(
      [
        { leaderId: 'l1', text: SAME, strategyIds: ['A'] },
        { leaderId: 'l2', text: SAME, strategyIds: ['B'] },
        { leaderId: 'l3', text: SAME, strategyIds: ['C'] },
      ],
      ['A', 'B', 'C'],
      null,
    );
    expect(result.strategyAgreement).toBe(0);
    expect(result.kappa).toBe(-0.5);
    expect(result.score).toBe(50);
    expect(result.missionEcho).toBeNull();
    expect(result.leaders[0]!.rarePicks).toHaveLength(1);
  });

  it('one outlier is named, with what they picked that others did not, what they missed, and their differing terms', () => {
    const result = scoreRound(
      [
        { leaderId: 'aisha', text: SAME, strategyIds: ['A', 'B'] },
        { leaderId: 'daniel', text: 'My job is telling customers about delays early, before they need to ask.', strategyIds: ['A', 'B'] },
        { leaderId: 'grace', text: 'I am paid to cut our cloud costs and keep the invoices low.', strategyIds: ['C'] },
      ],
      OFFERED,
      MISSION,
    );
    expect(result.outlierId).toBe('grace');
    const [first] = result.leaders;
    expect(first).toMatchObject({
      leaderId: 'grace',
      strategyAgreement: 0,
      rarePicks: ['C'],
      missedPicks: ['A', 'B'],
      distinctiveTerms: ['cloud', 'cost', 'cut', 'invoice', 'low'],
      missingTerms: ['ask', 'customer', 'delay'],
    });
    // Agreement: pairs (aisha, daniel) = 1, the two with grace = 0 → 1/3.
    expect(result.strategyAgreement).toBeCloseTo(0.3333, 4);
    expect(result.score).toBe(Math.round(100 * (0.5 * (1 / 3) + 0.5 * result.textConsistency!)));
    expect(result.missionEcho).toBeGreaterThan(0);
  });

  it('fewer than two answers cannot be scored', () => {
    const result = scoreRound([{ leaderId: 'l1', text: SAME, strategyIds: ['A'] }], OFFERED, MISSION);
    expect(result.score).toBeNull();
    expect(result.answered).toBe(1);
    expect(result.outlierId).toBeNull();
    expect(scoreRound([], OFFERED, MISSION).score).toBeNull();
  });
});

describe('trend across rounds', () => {
  it('orders by closing time and gives the change from the previous scored round', () => {
    expect(
      roundTrend([
        { roundId: 'r3', closedAt: '2026-03-01T00:00:00.000Z', score: 70 },
        { roundId: 'r1', closedAt: '2026-01-01T00:00:00.000Z', score: 50 },
        { roundId: 'r2', closedAt: '2026-02-01T00:00:00.000Z', score: null },
      ]),
    ).toEqual([
      { roundId: 'r1', closedAt: '2026-01-01T00:00:00.000Z', score: 50, change: null },
      { roundId: 'r2', closedAt: '2026-02-01T00:00:00.000Z', score: null, change: null },
      { roundId: 'r3', closedAt: '2026-03-01T00:00:00.000Z', score: 70, change: 20 },
    ]);
  });
});
