/**
 * Customer survey results, without I/O: who could say what the company stands for, how close their
 * words are to the stated mission and differentiator (offline TF-IDF cosine, text-similarity.ts),
 * the consistency score, answers by segment (threshold k applies to each segment), a trend across waves.
 */
import { createHash, randomBytes } from 'node:crypto';
import { contentTerms, similaritiesToReference } from '../text-similarity.js';

/** A customer "could say" what the company stands for when the answer has at least this many content words ("I don't know" has none). */
export const MIN_CONTENT_TERMS = 2;
const DONT_KNOW = /\b(don'?t know|no idea|not sure|unknown|je ne sais pas|aucune idée)\b/i;

export interface AnswerRecord {
  standsFor: string;
  different: string;
  consistency: number;
  segment: string | null;
}

export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

export function linkIdOf(token: string): string {
  return `sl-${createHash('sha256').update(token).digest('base64url')}`;
}

export function couldSay(answer: string): boolean {
  return !DONT_KNOW.test(answer) && contentTerms(answer).length >= MIN_CONTENT_TERMS;
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
const mean = (values: readonly number[]) => (values.length === 0 ? null : round4(values.reduce((a, b) => a + b, 0) / values.length));

export interface WaveFigures {
  respondents: number;
  couldSayShare: number | null;
  closenessToMission: number | null;
  closenessToDifferentiator: number | null;
  consistency: { mean: number | null; distribution: number[] | null };
  bySegment: { segment: string; respondents: number | null; couldSayShare: number | null; consistencyMean: number | null }[];
}

/** Everything below k (the tenant's minimum group size) is null: a handful of customers' answers are not shown as figures. */
export function waveFigures(answers: readonly AnswerRecord[], reference: { mission: string; differentiator: string }, threshold: number): WaveFigures {
  const shown = answers.length >= threshold;
  const saying = answers.map((answer) => couldSay(answer.standsFor));
  const share = (flags: readonly boolean[]) => (flags.length === 0 ? null : round4(flags.filter(Boolean).length / flags.length));
  const distribution = [1, 2, 3, 4, 5].map((value) => answers.filter((answer) => answer.consistency === value).length);
  const segments = [...new Set(answers.map((answer) => answer.segment ?? 'not given'))].sort();
  // Segments: a segment below k is hidden; if exactly one is, the total minus the others would reveal it, so the smallest other goes too.
  const counts = segments.map((segment) => ({ segment, members: answers.map((answer, index) => ({ answer, index })).filter(({ answer }) => (answer.segment ?? 'not given') === segment) }));
  const hidden = new Set(counts.filter((entry) => entry.members.length < threshold).map((entry) => entry.segment));
  const hiddenTotal = counts.filter((entry) => hidden.has(entry.segment)).reduce((sum, entry) => sum + entry.members.length, 0);
  if (hiddenTotal > 0 && hiddenTotal < threshold) {
    const next = counts.filter((entry) => !hidden.has(entry.segment)).sort((a, b) => a.members.length - b.members.length)[0];
    if (next) hidden.add(next.segment);
  }
  return {
    respondents: answers.length,
    couldSayShare: shown ? share(saying) : null,
    closenessToMission: shown && reference.mission ? mean(similaritiesToReference(answers.map((answer) => answer.standsFor), reference.mission)) : null,
    closenessToDifferentiator: shown && reference.differentiator ? mean(similaritiesToReference(answers.map((answer) => answer.different), reference.differentiator)) : null,
    consistency: shown ? { mean: mean(answers.map((answer) => answer.consistency)), distribution } : { mean: null, distribution: null },
    bySegment: shown
      ? counts.map(({ segment, members }) =>
          hidden.has(segment)
            ? { segment, respondents: null, couldSayShare: null, consistencyMean: null }
            : { segment, respondents: members.length, couldSayShare: share(members.map(({ index }) => saying[index]!)), consistencyMean: mean(members.map(({ answer }) => answer.consistency)) },
        )
      : [],
  };
}
