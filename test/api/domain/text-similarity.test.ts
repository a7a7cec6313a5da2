import { describe, expect, it } from 'vitest';
import {
  analyseTexts,
  commonTerms,
  contentTerms,
  cosineSimilarity,
  keyTermDifferences,
  meanPairwiseSimilarity,
  meanSimilarityToOthers,
  pairwiseSimilarities,
  similaritiesToReference,
} from '../../../api/src/domain/text-similarity.js';

const MISSION = 'Tell customers about delays before they ask';
const ANSWERS = [
  'I get paid to make sure customers hear about delays before they ask.',
  'My job is telling customers about delays early, before they need to ask.',
  'I am paid to cut our cloud costs and keep the invoices low.',
];

describe('content terms', () => {
  it('lemmatises, lower-cases and drops stop words, punctuation and numbers', () => {
    expect(contentTerms('I get paid to make sure customers hear about delays before they ask.')).toEqual(['pay', 'sure', 'customer', 'hear', 'delay', 'ask']);
    // A capitalised first word and a possessive still reduce to the lemma.
    expect(contentTerms("Customers' delays: 3 leaders running teams!")).toEqual(['customer', 'delay', 'leader', 'run', 'team']);
  });

  it('gives nothing for a text of stop words only', () => {
    expect(contentTerms('It is what it is, and that is that.')).toEqual([]);
  });
});

describe('TF-IDF cosine', () => {
  it('worked example: "customers delays" vs "customers invoices" = 1 / (1 + idf²) with idf = ln(3/2) + 1', () => {
    // N = 2: idf(customer) = ln(3/3) + 1 = 1; idf(delay) = idf(invoice) = ln(3/2) + 1 ≈ 1.405.
    // Each vector is (1, 1.405)/‖·‖, they share only "customer": cos = 1 / (1 + 1.405²) ≈ 0.336.
    const idf = Math.log(3 / 2) + 1;
    const [[, similarity]] = pairwiseSimilarities(['customers delays', 'customers invoices']) as [[number, number]];
    expect(similarity).toBeCloseTo(1 / (1 + idf * idf), 10);
    expect(similarity).toBeCloseTo(0.336, 3);
  });

  it('identical texts are 1, texts with no word in common are 0, and the matrix is symmetric', () => {
    const matrix = pairwiseSimilarities(['Customers hear about delays.', 'Customers hear about delays.', 'Cloud invoices shrink.']);
    expect(matrix[0]![1]).toBeCloseTo(1, 10);
    expect(matrix[0]![2]).toBe(0);
    expect(matrix[2]![0]).toBe(0);
    expect(matrix.map((row, i) => row[i])).toEqual([1, 1, 1]);
  });

  it('a text with no content words is similar to nothing (0), not NaN', () => {
    const { vectors } = analyseTexts(['It is what it is.', 'Customers hear about delays.']);
    expect(vectors[0]!.size).toBe(0);
    expect(cosineSimilarity(vectors[0]!, vectors[1]!)).toBe(0);
    expect(pairwiseSimilarities(['It is what it is.', 'It is.'])).toEqual([[0, 0], [0, 0]]);
  });

  it('inflections match: "paid"/"pay", "delays"/"delay", "telling"/"tell"', () => {
    expect(pairwiseSimilarities(['We tell customers of the delay we pay for', 'Telling customers about delays we paid for'])[0]![1]).toBeCloseTo(1, 10);
  });
});

describe('similarity to a reference text (the mission)', () => {
  it('ranks the answers that speak of the mission above the one that does not', () => {
    const [first, second, third] = similaritiesToReference(ANSWERS, MISSION) as [number, number, number];
    expect(third).toBe(0);
    expect(first).toBeGreaterThan(0.4);
    expect(second).toBeGreaterThan(0.4);
    // The reference itself, among the texts, is identical to the reference.
    expect(similaritiesToReference([MISSION], MISSION)[0]).toBeCloseTo(1, 10);
  });
});

describe('pairwise similarity among a set', () => {
  it('mean of every pair once, and each text\'s mean distance from the others names the odd one out', () => {
    const matrix = pairwiseSimilarities(ANSWERS);
    const mean = meanPairwiseSimilarity(matrix);
    expect(mean).toBeCloseTo((matrix[0]![1]! + matrix[0]![2]! + matrix[1]![2]!) / 3, 10);
    const toOthers = meanSimilarityToOthers(matrix);
    expect(toOthers.indexOf(Math.min(...toOthers))).toBe(2);
    expect(meanPairwiseSimilarity([[1]])).toBe(1);
  });
});

describe('key terms that differ', () => {
  it('names the outlier\'s own terms and the shared terms it lacks', () => {
    expect(keyTermDifferences(ANSWERS, 2)).toEqual({
      distinctive: ['cloud', 'cost', 'cut', 'invoice', 'low'],
      // "ask", "customer" and "delay" are used by both other answers; "early" and "hear" by one only.
      missing: ['ask', 'customer', 'delay'],
    });
  });

  it('takes an already analysed set, honours the limit, and refuses an index outside it', () => {
    const analysed = analyseTexts(ANSWERS);
    expect(keyTermDifferences(analysed, 2, 2).distinctive).toHaveLength(2);
    expect(() => keyTermDifferences(analysed, 3)).toThrow(RangeError);
  });

  it('a text identical to every other has nothing distinctive and nothing missing', () => {
    expect(keyTermDifferences(['Customers hear about delays.', 'Customers hear about delays.'], 0)).toEqual({ distinctive: [], missing: [] });
  });
});

describe('common terms', () => {
  it('counts how many texts use each term, most shared first', () => {
    expect(commonTerms(ANSWERS, 4)).toEqual([
      { term: 'ask', texts: 2 },
      { term: 'customer', texts: 2 },
      { term: 'delay', texts: 2 },
      { term: 'pay', texts: 2 },
    ]);
  });
});
