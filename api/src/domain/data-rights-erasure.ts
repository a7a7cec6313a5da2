/**
 * Erasing one person (pure; the store applies the verdicts, data/person-erasure.ts).
 *
 * Every document of the tenant gets one verdict:
 * - **delete** what is the person's own: their tasks and task-source connections, onboarding progress,
 *   notifications to them, their alignment-round answers and daily moment counts, their idempotency
 *   records (stored answers of their own requests), and their directory record;
 * - **rewrite** what others' records need but that names them: their id becomes a random pseudonym
 *   (`former-…`, the same in every document of one erasure, so counts and links still add up but
 *   nothing leads back to the Entra object id), their name, UPN and email become "Former colleague"
 *   (the directory sync's word for a removed person), and audit entries about their own tasks lose
 *   their before/after snapshots (the task titles);
 * - **keep** everything else, and pulse responses and markers, which never named anyone.
 * A rewritten document's id changes when it contained the person's id (e.g. `answer-<round>-<id>`):
 * the store then deletes the old one and creates the new one.
 */
import { FORMER_COLLEAGUE } from './directory-people.js';

export interface ErasureSubject {
  id: string;
  /** Replaces the id wherever others' records keep it. */
  pseudonymId: string;
  /** Display name, UPN, email: replaced in text, case-insensitively, as whole words. */
  names: readonly string[];
  /** The ids of the person's own tasks: audit entries about them lose their snapshots. */
  taskIds: ReadonlySet<string>;
}

export type ErasureVerdict = { kind: 'keep' } | { kind: 'delete' } | { kind: 'rewrite'; document: Record<string, unknown> };

type Doc = Record<string, unknown>;

const FIELDS_OF_OWN_DOCUMENTS: Readonly<Record<string, readonly string[]>> = {
  progress: ['userId'],
  outbox: ['recipientUserId'],
  alignmentAnswer: ['leaderId'],
  momentQuota: ['authorId'],
  taskSourceConnection: ['personId'],
  idempotency: ['userId'],
  person: ['id'],
};

/** Whether the document is the person's own (deleted, not kept anonymised). */
export function isOwnDocument(container: string, document: Doc, subjectId: string): boolean {
  // Tasks carry no `type`; audit entries in the tasks container do.
  if (container === 'tasks' && document.type === undefined && document.ownerId === subjectId) return true;
  const fields = typeof document.type === 'string' ? FIELDS_OF_OWN_DOCUMENTS[document.type] : undefined;
  return fields?.some((field) => document[field] === subjectId) ?? false;
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern for every name, longest first (a UPN before the name inside it), as whole words. */
export function namePattern(names: readonly string[]): RegExp | null {
  const usable = [...new Set(names.map((name) => name.trim()).filter((name) => name.length >= 2))].sort((a, b) => b.length - a.length);
  if (usable.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${usable.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

function rewriteString(value: string, subject: ErasureSubject, idPattern: RegExp, names: RegExp | null): string {
  let next = value.replace(idPattern, subject.pseudonymId);
  if (names) next = next.replace(names, FORMER_COLLEAGUE);
  return next;
}

function rewriteValue(value: unknown, subject: ErasureSubject, idPattern: RegExp, names: RegExp | null): unknown {
  if (typeof value === 'string') return rewriteString(value, subject, idPattern, names);
  if (Array.isArray(value)) return value.map((item) => rewriteValue(item, subject, idPattern, names));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key.startsWith('_') ? key : rewriteString(key, subject, idPattern, names), rewriteValue(inner, subject, idPattern, names)]),
    );
  }
  return value;
}

/** The document without Cosmos system properties (`_rid`, `_etag`, …). */
export function withoutSystemFields(document: Doc): Doc {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith('_')));
}

/** What erasing `subject` does to one stored document of their tenant. */
export function erasureVerdict(container: string, stored: Doc, subject: ErasureSubject): ErasureVerdict {
  if (isOwnDocument(container, stored, subject.id)) return { kind: 'delete' };
  let document = withoutSystemFields(stored);
  if (document.type === 'audit' && typeof document.entityId === 'string' && subject.taskIds.has(document.entityId)) {
    document = { ...document, before: null, after: null, note: 'a task of a former colleague' };
  }
  const idPattern = new RegExp(escapeRegExp(subject.id), 'gi');
  // Another person's record may share a display name: only ids are rewritten there, never names.
  const names = document.type === 'person' ? null : namePattern(subject.names);
  const rewritten = rewriteValue(document, subject, idPattern, names) as Doc;
  return JSON.stringify(rewritten) === JSON.stringify(withoutSystemFields(stored)) ? { kind: 'keep' } : { kind: 'rewrite', document: rewritten };
}

/** Whether any string in the document (keys too) still names the subject: the check the store runs after erasing. */
export function mentionsSubject(document: unknown, needles: readonly string[]): boolean {
  const haystack = JSON.stringify(document).toLowerCase();
  return needles.some((needle) => needle.length > 0 && haystack.includes(needle.toLowerCase()));
}
