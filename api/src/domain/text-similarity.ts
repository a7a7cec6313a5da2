/**
 * Offline text similarity: how alike short free texts are to a reference text (the mission, a
 * differentiator) and to each other, and which key terms set one text apart. No external service:
 * texts are tokenised and lemmatised by winkNLP's English lite model (in-process), stop words,
 * punctuation and numbers are dropped, and each text becomes a TF-IDF vector (sublinear term
 * frequency, smoothed IDF over the set being compared, L2-normalised); similarity is the cosine.
 *
 * Limits, by design: it compares words, not meaning ("clients" and "customers" are different
 * terms; "not fast" and "fast" share "fast"). IDF is computed over the texts passed in, so the same
 * pair can score differently inside a different set. Pure apart from the model, which is loaded
 * once, lazily, on first use (~250 ms).
 */
import winkNLP, { type ItemToken, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** A text's weighted terms (lemma → weight), L2-normalised, so a cosine is a dot product. */
export type TermVector = ReadonlyMap<string, number>;

export interface AnalysedTexts {
  /** Each text's lemmas, in order, stop words removed. */
  terms: string[][];
  /** Each text's TF-IDF vector (unit length, or empty when it has no content words). */
  vectors: TermVector[];
  /** Inverse document frequency of every term seen in the set. */
  idf: ReadonlyMap<string, number>;
}

export interface KeyTermDifferences {
  /** Terms that weigh most in this text and least in the others (strongest first). */
  distinctive: string[];
  /** Terms most of the other texts share that this text does not use (most shared first). */
  missing: string[];
}

let nlp: WinkMethods | undefined;
function pipeline(): WinkMethods {
  // 'pos' makes the lemmas right ("paid" → "pay", "leaders" → "leader").
  nlp ??= winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

const MIN_TERM_LENGTH = 2;

/** The content words of a text, lemmatised and lower-cased, stop words, punctuation and numbers removed. */
export function contentTerms(text: string): string[] {
  const engine = pipeline();
  const its = engine.its;
  // wink-nlp's typings declare `its.lemma` with a parameter list `out()` rejects; at run time it is an its-function like `its.normal`.
  const lemmaOf = its.lemma as unknown as typeof its.normal;
  const terms: string[] = [];
  // Lower-cased first: a capitalised first word is otherwise tagged a proper noun and left unlemmatised.
  engine.readDoc(text.toLowerCase()).tokens().each((token: ItemToken) => {
    if (token.out(its.type) !== 'word' || token.out(its.stopWordFlag)) return;
    const lemma = token.out(lemmaOf).replace(/'s?$/, '');
    if (lemma.length >= MIN_TERM_LENGTH) terms.push(lemma);
  });
  return terms;
}

/** Tokenises every text and weighs its terms against the set (TF-IDF, smoothed IDF = ln((1+N)/(1+df)) + 1). */
export function analyseTexts(texts: readonly string[]): AnalysedTexts {
  const terms = texts.map(contentTerms);
  const documentFrequency = new Map<string, number>();
  for (const list of terms) for (const term of new Set(list)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const n = texts.length;
  const idf = new Map([...documentFrequency].map(([term, df]) => [term, Math.log((1 + n) / (1 + df)) + 1]));
  const vectors = terms.map((list) => {
    const counts = new Map<string, number>();
    for (const term of list) counts.set(term, (counts.get(term) ?? 0) + 1);
    const weights = new Map([...counts].map(([term, count]) => [term, (1 + Math.log(count)) * (idf.get(term) ?? 1)]));
    const norm = Math.sqrt([...weights.values()].reduce((sum, weight) => sum + weight * weight, 0));
    return new Map([...weights].map(([term, weight]) => [term, weight / norm]));
  });
  return { terms, vectors, idf };
}

/** Cosine of two unit vectors, 0..1; 0 when either text had no content words. */
export function cosineSimilarity(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return Math.min(1, Math.max(0, dot));
}

/** How alike each text is to the reference (0..1 each), IDF taken over the texts and the reference together. */
export function similaritiesToReference(texts: readonly string[], reference: string): number[] {
  const { vectors } = analyseTexts([...texts, reference]);
  const referenceVector = vectors[texts.length] ?? new Map<string, number>();
  return vectors.slice(0, texts.length).map((vector) => cosineSimilarity(vector, referenceVector));
}

/** The symmetric matrix of cosines between every pair of texts (diagonal 1 for a text with content words). */
export function pairwiseSimilarities(texts: readonly string[] | AnalysedTexts): number[][] {
  const { vectors } = Array.isArray(texts) ? analyseTexts(texts as readonly string[]) : (texts as AnalysedTexts);
  const matrix = vectors.map(() => new Array<number>(vectors.length).fill(0));
  for (let i = 0; i < vectors.length; i++) {
    const row = matrix[i]!;
    row[i] = vectors[i]!.size > 0 ? 1 : 0;
    for (let j = i + 1; j < vectors.length; j++) {
      const similarity = cosineSimilarity(vectors[i]!, vectors[j]!);
      row[j] = similarity;
      matrix[j]![i] = similarity;
    }
  }
  return matrix;
}

/** The mean of the off-diagonal cells (every unordered pair once); 1 for fewer than two texts. */
export function meanPairwiseSimilarity(matrix: readonly (readonly number[])[]): number {
  const n = matrix.length;
  if (n < 2) return 1;
  let sum = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) sum += matrix[i]![j]!;
  return sum / ((n * (n - 1)) / 2);
}

/** Each text's mean similarity to the others (how far it sits from the rest: lower is further). */
export function meanSimilarityToOthers(matrix: readonly (readonly number[])[]): number[] {
  const n = matrix.length;
  return matrix.map((row, i) => (n < 2 ? 1 : row.reduce((sum, value, j) => (j === i ? sum : sum + value), 0) / (n - 1)));
}

/**
 * The key terms that differ for one text against the others: its own terms weighted by how much more
 * they weigh here than on average elsewhere, and the terms more than half of the others use that it
 * does not. Ties break alphabetically so results are stable.
 */
export function keyTermDifferences(texts: readonly string[] | AnalysedTexts, index: number, limit = 5): KeyTermDifferences {
  const analysed = Array.isArray(texts) ? analyseTexts(texts as readonly string[]) : (texts as AnalysedTexts);
  const own = analysed.vectors[index];
  if (!own) throw new RangeError(`No text at index ${index}`);
  const others = analysed.vectors.filter((_, i) => i !== index);
  const meanElsewhere = (term: string) => (others.length === 0 ? 0 : others.reduce((sum, vector) => sum + (vector.get(term) ?? 0), 0) / others.length);
  const byScore = (a: [string, number], b: [string, number]) => b[1] - a[1] || a[0].localeCompare(b[0]);
  const distinctive = [...own]
    .map(([term, weight]): [string, number] => [term, weight - meanElsewhere(term)])
    .filter(([, score]) => score > 0)
    .sort(byScore)
    .slice(0, limit)
    .map(([term]) => term);
  const sharedBy = new Map<string, number>();
  for (const vector of others) for (const term of vector.keys()) if (!own.has(term)) sharedBy.set(term, (sharedBy.get(term) ?? 0) + 1);
  const missing = [...sharedBy]
    .filter(([, count]) => count * 2 > others.length)
    .sort(byScore)
    .slice(0, limit)
    .map(([term]) => term);
  return { distinctive, missing };
}

/** The terms most texts use (by how many texts use them, then alphabetically), e.g. themes of survey answers. */
export function commonTerms(texts: readonly string[] | AnalysedTexts, limit = 10): { term: string; texts: number }[] {
  const analysed = Array.isArray(texts) ? analyseTexts(texts as readonly string[]) : (texts as AnalysedTexts);
  const counts = new Map<string, number>();
  for (const vector of analysed.vectors) for (const term of vector.keys()) counts.set(term, (counts.get(term) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([term, count]) => ({ term, texts: count }));
}
