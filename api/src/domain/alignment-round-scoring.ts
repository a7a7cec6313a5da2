/**
 * Scores a closed leaders' alignment round ("What do you get paid to do?"). Pure.
 *
 * - Strategy agreement: the mean pairwise Jaccard |A∩B| / |A∪B| of the strategies each pair of
 *   leaders picked (1 = everyone picked the same, 0 = no pair shares one).
 * - Chance-corrected agreement: Fleiss' kappa with the leaders as raters and every offered strategy
 *   as a subject rated "picked" or "not picked"; only from MIN_LEADERS_FOR_KAPPA answers on, and
 *   null when chance agreement is total (everyone picked everything or nothing alike).
 * - Text consistency: the mean pairwise TF-IDF cosine of the answers (text-similarity.ts, IDF over
 *   the answers and the mission); the answers' mean similarity to the mission is shown beside it
 *   ("mission echo").
 * - Overall 0–100 = 100 × (AGREEMENT_WEIGHT × agreement + TEXT_WEIGHT × consistency). The mission
 *   echo and kappa are shown but not weighed: short answers rarely repeat a mission's words, and
 *   kappa is undefined for small rounds, so neither may pull down a round where leaders agree.
 * - Divergence of a leader = 1 − (½ mean Jaccard + ½ mean cosine) against the others; most divergent
 *   first. The outlier is named when they stand OUTLIER_MARGIN above the median of the others.
 *
 * Cost: n answers make n(n−1)/2 pairs; each pair costs O(s + t) (s ≤ 3 picks, t content words of
 * the shorter answer), so the whole is O(n² · (s + t)) time and O(n²) memory for the cosine matrix.
 */
import { analyseTexts, cosineSimilarity, keyTermDifferencesOfAll, meanPairwiseSimilarity, meanSimilarityToOthers, pairwiseSimilarities, type AnalysedTexts } from './text-similarity.js';

export const AGREEMENT_WEIGHT = 0.5;
export const TEXT_WEIGHT = 0.5;
export const MIN_LEADERS_FOR_KAPPA = 3;
export const OUTLIER_MARGIN = 0.2;

export interface RoundAnswer {
  leaderId: string;
  text: string;
  strategyIds: readonly string[];
}

export interface LeaderDivergence {
  leaderId: string;
  /** 0 (says and picks what the others do) … 1 (shares nothing with them). */
  divergence: number;
  strategyAgreement: number;
  textSimilarity: number;
  /** Strategies they picked that fewer than half of the others did. */
  rarePicks: string[];
  /** Strategies every other leader picked and they did not (only with two or more others). */
  missedPicks: string[];
  /** Terms of their answer that weigh most against the others'. */
  distinctiveTerms: string[];
  /** Terms most other answers use that theirs does not. */
  missingTerms: string[];
}

export interface RoundScore {
  /** 0–100, or null with fewer than two answers. */
  score: number | null;
  answered: number;
  strategyAgreement: number | null;
  kappa: number | null;
  textConsistency: number | null;
  /** Mean similarity of the answers to the mission (null without a mission). */
  missionEcho: number | null;
  parts: { name: 'strategyAgreement' | 'textConsistency' | 'missionEcho' | 'kappa'; value: number | null; weight: number }[];
  /** Most divergent first (ties by leader id). */
  leaders: LeaderDivergence[];
  /** The leader who diverges clearly more than the rest, if one does. */
  outlierId: string | null;
}

export function jaccard(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a);
  const right = new Set(b);
  const union = new Set([...left, ...right]).size;
  if (union === 0) return 1;
  let shared = 0;
  for (const item of left) if (right.has(item)) shared += 1;
  return shared / union;
}

/** The symmetric matrix of every pair's Jaccard (diagonal 1). */
export function pairwiseJaccard(picks: readonly (readonly string[])[]): number[][] {
  const matrix = picks.map(() => new Array<number>(picks.length).fill(1));
  for (let i = 0; i < picks.length; i++) {
    for (let j = i + 1; j < picks.length; j++) {
      const value = jaccard(picks[i]!, picks[j]!);
      matrix[i]![j] = value;
      matrix[j]![i] = value;
    }
  }
  return matrix;
}

/** Mean of every unordered pair's Jaccard (1 with fewer than two). */
export function meanPairwiseJaccard(picks: readonly (readonly string[])[]): number {
  const n = picks.length;
  if (n < 2) return 1;
  let sum = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) sum += jaccard(picks[i]!, picks[j]!);
  return sum / ((n * (n - 1)) / 2);
}

/**
 * Fleiss' kappa for n raters who each say "picked" or "not picked" of every subject (strategy).
 * P_i = Σ_k n_ik(n_ik − 1) / (n(n − 1)); P̄ = mean P_i; p = picks / (N·n); P_e = p² + (1 − p)²;
 * κ = (P̄ − P_e) / (1 − P_e). Null when P_e = 1 (no variation at all to correct for).
 */
export function fleissKappaOfPicks(picks: readonly (readonly string[])[], subjects: readonly string[]): number | null {
  const n = picks.length;
  const subjectSet = [...new Set([...subjects, ...picks.flat()])];
  if (n < 2 || subjectSet.length === 0) return null;
  const sets = picks.map((list) => new Set(list));
  let sumP = 0;
  let totalPicks = 0;
  for (const subject of subjectSet) {
    const yes = sets.filter((set) => set.has(subject)).length;
    const no = n - yes;
    totalPicks += yes;
    sumP += (yes * (yes - 1) + no * (no - 1)) / (n * (n - 1));
  }
  const meanP = sumP / subjectSet.length;
  const p = totalPicks / (subjectSet.length * n);
  const expected = p * p + (1 - p) * (1 - p);
  if (expected >= 1 - 1e-12) return null;
  return (meanP - expected) / (1 - expected);
}

const median = (values: readonly number[]) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/** Scores the answers given; `offeredStrategyIds` are the strategies leaders could pick (kappa's subjects). */
export function scoreRound(answers: readonly RoundAnswer[], offeredStrategyIds: readonly string[], mission: string | null): RoundScore {
  const n = answers.length;
  const picks = answers.map((answer) => [...new Set(answer.strategyIds)]);
  // One tokenising pass: the mission (when there is one) joins the set the IDF is taken over.
  const all = analyseTexts([...answers.map((answer) => answer.text), ...(mission ? [mission] : [])]);
  const analysed: AnalysedTexts = { ...all, terms: all.terms.slice(0, n), vectors: all.vectors.slice(0, n) };
  const cosines = pairwiseSimilarities(analysed);
  const textToOthers = meanSimilarityToOthers(cosines);
  const missionVector = mission ? all.vectors[n] : undefined;
  const missionEcho = missionVector && n > 0 ? analysed.vectors.reduce((sum, vector) => sum + cosineSimilarity(vector, missionVector), 0) / n : null;

  const termDifferences = keyTermDifferencesOfAll(analysed);
  const jaccards = pairwiseJaccard(picks);
  // How many leaders picked each strategy: "few others" and "everyone else" are counts minus one's own pick.
  const pickCount = new Map<string, number>();
  for (const list of picks) for (const id of list) pickCount.set(id, (pickCount.get(id) ?? 0) + 1);
  const others = n - 1;
  const leaders: LeaderDivergence[] = answers.map((answer, i) => {
    const agreement = others === 0 ? 1 : jaccards[i]!.reduce((sum, value, j) => (j === i ? sum : sum + value), 0) / others;
    const own = new Set(picks[i]);
    const pickedByOthers = (strategyId: string) => (pickCount.get(strategyId) ?? 0) - (own.has(strategyId) ? 1 : 0);
    const terms = termDifferences[i]!;
    return {
      leaderId: answer.leaderId,
      divergence: round4(1 - (0.5 * agreement + 0.5 * textToOthers[i]!)),
      strategyAgreement: round4(agreement),
      textSimilarity: round4(textToOthers[i]!),
      rarePicks: others === 0 ? [] : picks[i]!.filter((id) => pickedByOthers(id) * 2 < others),
      missedPicks: others < 2 ? [] : [...pickCount.keys()].filter((id) => !own.has(id) && pickedByOthers(id) === others).sort(),
      distinctiveTerms: terms.distinctive,
      missingTerms: terms.missing,
    };
  });
  leaders.sort((a, b) => b.divergence - a.divergence || a.leaderId.localeCompare(b.leaderId));

  const top = leaders[0];
  const outlierId = n >= 3 && top && top.divergence - median(leaders.slice(1).map((leader) => leader.divergence)) >= OUTLIER_MARGIN ? top.leaderId : null;

  if (n < 2) {
    return {
      score: null, answered: n, strategyAgreement: null, kappa: null, textConsistency: null,
      missionEcho: missionEcho === null ? null : round4(missionEcho),
      parts: [
        { name: 'strategyAgreement', value: null, weight: AGREEMENT_WEIGHT },
        { name: 'textConsistency', value: null, weight: TEXT_WEIGHT },
        { name: 'missionEcho', value: missionEcho === null ? null : round4(missionEcho), weight: 0 },
        { name: 'kappa', value: null, weight: 0 },
      ],
      leaders, outlierId: null,
    };
  }
  const strategyAgreement = meanPairwiseJaccard(picks);
  const textConsistency = meanPairwiseSimilarity(cosines);
  const kappa = n >= MIN_LEADERS_FOR_KAPPA ? fleissKappaOfPicks(picks, offeredStrategyIds) : null;
  const score = Math.round(100 * (AGREEMENT_WEIGHT * strategyAgreement + TEXT_WEIGHT * textConsistency));
  return {
    score,
    answered: n,
    strategyAgreement: round4(strategyAgreement),
    kappa: kappa === null ? null : round4(kappa),
    textConsistency: round4(textConsistency),
    missionEcho: missionEcho === null ? null : round4(missionEcho),
    parts: [
      { name: 'strategyAgreement', value: round4(strategyAgreement), weight: AGREEMENT_WEIGHT },
      { name: 'textConsistency', value: round4(textConsistency), weight: TEXT_WEIGHT },
      { name: 'missionEcho', value: missionEcho === null ? null : round4(missionEcho), weight: 0 },
      { name: 'kappa', value: kappa === null ? null : round4(kappa), weight: 0 },
    ],
    leaders,
    outlierId,
  };
}

export interface RoundTrendPoint {
  roundId: string;
  closedAt: string;
  score: number | null;
}

/** Rounds oldest first, each with its change from the previous scored round. */
export function roundTrend(points: readonly RoundTrendPoint[]): (RoundTrendPoint & { change: number | null })[] {
  const sorted = [...points].sort((a, b) => a.closedAt.localeCompare(b.closedAt) || a.roundId.localeCompare(b.roundId));
  let previous: number | null = null;
  return sorted.map((point) => {
    const change = point.score !== null && previous !== null ? point.score - previous : null;
    if (point.score !== null) previous = point.score;
    return { ...point, change };
  });
}
