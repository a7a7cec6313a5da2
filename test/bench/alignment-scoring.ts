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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeMs(work: () => void, repeats: number): number {
  const times: number[] = [];
  for (let index = 0; index < repeats; index++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return median(times);
}

export interface ScoringFigures {
  rows: { leaders: number; pairs: number; scoreMs: number; tokeniseMs: number; pairwiseMs: number }[];
}

export function measureAlignmentScoring(sizes: readonly number[] = [50, 100, 200], repeats = 9): ScoringFigures {
  contentTerms('Load the language model before anything is timed.');
  for (let round = 0; round < 3; round++) scoreRound(syntheticAnswers(200, 99), STRATEGIES, 'Warm up the scoring code.');
  return {
    rows: sizes.map((leaders) => {
      const answers = syntheticAnswers(leaders);
      const texts = answers.map((answer) => answer.text);
      const analysed = analyseTexts(texts);
      return {
        leaders,
        pairs: (leaders * (leaders - 1)) / 2,
        scoreMs: timeMs(() => scoreRound(answers, STRATEGIES, 'We move goods for manufacturers with the reliability of a large carrier.'), repeats),
        tokeniseMs: timeMs(() => analyseTexts(texts), repeats),
        pairwiseMs: timeMs(() => pairwiseSimilarities(analysed), repeats),
      };
    }),
  };
}

export function printAlignmentScoring(figures: ScoringFigures): void {
  console.log('Alignment round scoring (pure, one core): whole score, of which tokenising (∝ n) and the cosine matrix (∝ n²)');
  let previous: ScoringFigures['rows'][number] | undefined;
  for (const row of figures.rows) {
    const growth = previous ? ` ×${(row.scoreMs / previous.scoreMs).toFixed(2)} score, ×${(row.pairwiseMs / previous.pairwiseMs).toFixed(2)} pairwise for ×${(row.pairs / previous.pairs).toFixed(2)} pairs` : '';
    console.log(`  ${String(row.leaders).padStart(3)} leaders (${String(row.pairs).padStart(5)} pairs): score ${row.scoreMs.toFixed(1)} ms = tokenise ${row.tokeniseMs.toFixed(1)} ms + pairwise ${row.pairwiseMs.toFixed(1)} ms + rest;${growth}`);
    previous = row;
  }
  console.log('  bound: O(n² · (s + t)) time and O(n²) memory (s ≤ 3 picks, t ≤ ~100 content words per answer); 200 leaders = 19,900 pairs, the round limit');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) printAlignmentScoring(measureAlignmentScoring());
