/**
 * Scoring an alignment round of 50 / 100 / 200 leaders (api/src/domain/alignment-round-scoring.ts):
 * the time, and how it grows. Pairwise work (Jaccard and cosine for every pair) grows with n², the
 * tokenising with n; the figures show which dominates. The language model is loaded before timing.
 * Run alone: node --import tsx test/bench/alignment-scoring.ts
 */
import { fileURLToPath } from 'node:url';
import { scoreRound, type RoundAnswer } from '../../api/src/domain/alignment-round-scoring.js';
import { analyseTexts, contentTerms, pairwiseSimilarities } from '../../api/src/domain/text-similarity.js';

const WORDS = [
  'customer', 'delay', 'delivery', 'window', 'promise', 'platform', 'invoice', 'tracking', 'route', 'truck', 'pallet', 'coordinator',
  'cost', 'margin', 'carbon', 'kilometre', 'merger', 'team', 'dock', 'warehouse', 'schedule', 'partner', 'report', 'quality',
  'safety', 'driver', 'depot', 'order', 'forecast', 'contract', 'price', 'service', 'support', 'growth', 'tender', 'manufacturer',
];
const VERBS = ['keep', 'tell', 'cut', 'plan', 'grow', 'protect', 'improve', 'deliver', 'explain', 'reduce', 'build', 'win'];
const STRATEGIES = ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'];

/** A deterministic generator, so every run scores the same answers. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

export function syntheticAnswers(n: number, seed = 7): RoundAnswer[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: n }, (_, index) => {
    const sentences = Array.from({ length: 2 + Math.floor(next() * 2) }, () => `I ${pick(VERBS)} the ${pick(WORDS)} and the ${pick(WORDS)} for every ${pick(WORDS)} we ${pick(VERBS)}.`);
    const picks = new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(STRATEGIES)));
    return { leaderId: `leader-${index}`, text: sentences.join(' '), strategyIds: [...picks] };
  });
}

/** The fastest of the runs: on a shared, loaded machine the minimum is the least disturbed figure. */
function fastest(times: readonly number[]): number {
  return Math.min(...times);
}

function timeOnce(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

export interface ScoringFigures {
  repeats: number;
  rows: { leaders: number; pairs: number; scoreMs: number; tokeniseMs: number; pairwiseMs: number }[];
}

export function measureAlignmentScoring(sizes: readonly number[] = [50, 100, 200], repeats = 15): ScoringFigures {
  contentTerms('Load the language model before anything is timed.');
  for (let round = 0; round < 3; round++) scoreRound(syntheticAnswers(200, 99), STRATEGIES, 'Warm up the scoring code.');
  const cases = sizes.map((leaders) => {
    const answers = syntheticAnswers(leaders);
    const texts = answers.map((answer) => answer.text);
    return { leaders, answers, texts, analysed: analyseTexts(texts), score: [] as number[], tokenise: [] as number[], pairwise: [] as number[] };
  });
  // Sizes take turns, so a burst of load from elsewhere falls on all of them alike.
  for (let run = 0; run < repeats; run++) {
    for (const item of cases) {
      item.score.push(timeOnce(() => scoreRound(item.answers, STRATEGIES, 'We move goods for manufacturers with the reliability of a large carrier.')));
      item.tokenise.push(timeOnce(() => analyseTexts(item.texts)));
      item.pairwise.push(timeOnce(() => pairwiseSimilarities(item.analysed)));
    }
  }
  return {
    repeats,
    rows: cases.map((item) => ({
      leaders: item.leaders,
      pairs: (item.leaders * (item.leaders - 1)) / 2,
      scoreMs: fastest(item.score),
      tokeniseMs: fastest(item.tokenise),
      pairwiseMs: fastest(item.pairwise),
    })),
  };
}

export function printAlignmentScoring(figures: ScoringFigures): void {
  console.log(`Alignment round scoring (pure, one core, fastest of ${figures.repeats} interleaved runs): whole score, of which tokenising (∝ n) and the cosine matrix (∝ n²)`);
  let previous: ScoringFigures['rows'][number] | undefined;
  for (const row of figures.rows) {
    const growth = previous ? ` ×${(row.scoreMs / previous.scoreMs).toFixed(2)} score, ×${(row.pairwiseMs / previous.pairwiseMs).toFixed(2)} pairwise for ×${(row.pairs / previous.pairs).toFixed(2)} pairs` : '';
    console.log(`  ${String(row.leaders).padStart(3)} leaders (${String(row.pairs).padStart(5)} pairs): score ${row.scoreMs.toFixed(1)} ms = tokenise ${row.tokeniseMs.toFixed(1)} ms + pairwise ${row.pairwiseMs.toFixed(1)} ms + rest;${growth}`);
    previous = row;
  }
  console.log('  bound: O(n² · (s + t)) time and O(n²) memory (s ≤ 3 picks, t ≤ ~100 content words per answer); 200 leaders = 19,900 pairs, the round limit');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) printAlignmentScoring(measureAlignmentScoring());
