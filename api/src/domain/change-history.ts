/**
 * Pure functions over audit entries: which fields changed, a one-line summary for people, and the
 * home view's "what changed since your last visit". No I/O.
 */
import type { AuditAction } from '../data/audit.js';
import type { ChangeSinceLastVisit } from '../shared/contracts.js';
import { FORMER_COLLEAGUE } from './directory-people.js';

/** Bookkeeping fields that are not part of what a person changed. */
const NOT_CONTENT = new Set(['id', 'tenantId', 'type', 'etag', 'updatedAt', 'createdAt']);

/** Names of the content fields whose values differ between two snapshots (deep, order-sensitive). */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys]
    .filter((key) => !NOT_CONTENT.has(key))
    .filter((key) => JSON.stringify(before?.[key] ?? null) !== JSON.stringify(after?.[key] ?? null))
    .sort();
}

/** Fields of a map snapshot whose value is a person's id: a reader needs their name, not the id. */
export const PERSON_FIELDS: readonly string[] = ['ownerId'];

type Snapshot = Record<string, unknown> | null | undefined;

/** The people snapshots name in their person fields (e.g. a strategy's owner before and after), each once. */
export function personIdsIn(snapshots: readonly Snapshot[]): string[] {
  const ids = snapshots.flatMap((snapshot) => PERSON_FIELDS.map((field) => snapshot?.[field]));
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))];
}

/**
 * Display names by id, for exactly `ids`, from the directory records found. An id with no record is a
 * person erased since (their id became a pseudonym) and reads as "Former colleague", as a removed
 * person's record already does: a reader never sees a bare id.
 */
export function namesById(ids: readonly string[], people: readonly { id: string; displayName: string }[]): Record<string, string> {
  const found = new Map(people.map((person) => [person.id, person.displayName]));
  return Object.fromEntries(ids.map((id) => [id, found.get(id) ?? FORMER_COLLEAGUE]));
}

const FIELD_LABELS: Record<string, string> = {
  vision: 'the vision',
  mission: 'the mission',
  values: 'the values',
  differentiator: 'what makes us different',
  name: 'the name',
  title: 'the title',
  why: 'why it is a focus now',
  customerImpact: 'how it serves customers',
  ownerId: 'the owner',
  progress: 'the progress',
  measures: 'the measures of success',
  status: 'the status',
  order: 'the order',
};

function listOf(labels: string[]): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

export interface SummaryInput {
  entityType: string;
  action: AuditAction;
  actorName: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** A short sentence for people, e.g. 'Aisha Khan changed the vision'. */
export function summariseChange(entry: SummaryInput): string {
  const who = entry.actorName;
  const title = String(entry.after?.title ?? entry.before?.title ?? '');
  const subject = entry.entityType === 'strategy' ? `the strategy “${title}”` : 'the organisation';
  switch (entry.action) {
    case 'create':
      return `${who} added ${subject}`;
    case 'archive':
      return `${who} archived ${subject}`;
    case 'restore':
      return `${who} restored ${subject}`;
    case 'reorder':
      return `${who} reordered the strategies`;
    default: {
      const labels = changedFields(entry.before, entry.after).map((field) => FIELD_LABELS[field] ?? field);
      const what = labels.length > 0 ? listOf(labels) : 'details';
      return entry.entityType === 'strategy' ? `${who} changed ${what} of “${title}”` : `${who} changed ${what}`;
    }
  }
}

export interface ChangeCandidate extends SummaryInput {
  at: string;
  entityId: string;
}

type ChangeKind = ChangeSinceLastVisit['kind'];

const statusOf = (snapshot: Record<string, unknown> | null) => (snapshot?.status === 'archived' ? 'archived' : snapshot ? 'active' : null);

/**
 * What a strategy entry did to the map, whatever route wrote it: an import that creates a strategy
 * adds it, one that leaves it out archives it, and restoring a version can also bring one back.
 */
export function changeKindOf(entry: Pick<ChangeCandidate, 'entityType' | 'action' | 'before' | 'after'>): ChangeKind {
  if (entry.entityType !== 'strategy') return 'changed';
  if (entry.action === 'create') return 'added';
  const before = statusOf(entry.before);
  const after = statusOf(entry.after);
  if (before === null && after === 'active') return 'added';
  if (before !== 'archived' && after === 'archived') return 'archived';
  if (before === 'archived' && after === 'active') return 'restored';
  return 'changed';
}

function summaryOf(entry: ChangeCandidate, kind: ChangeKind): string {
  const title = String(entry.after?.title ?? entry.before?.title ?? '');
  if (kind === 'added') return `${entry.actorName} added the strategy “${title}”`;
  if (kind === 'archived') return `${entry.actorName} archived the strategy “${title}”`;
  if (kind === 'restored') return `${entry.actorName} restored the strategy “${title}”`;
  return summariseChange(entry);
}

/**
 * The changes a person should hear about, newer than `since`, newest first, at most `limit`:
 * organisation changes, any strategy added, archived or restored, and other changes to
 * strategies they serve.
 */
export function changesSinceLastVisit(
  entries: readonly ChangeCandidate[],
  servedStrategyIds: ReadonlySet<string>,
  since: string,
  limit: number,
): ChangeSinceLastVisit[] {
  return entries
    .filter((entry) => entry.at > since)
    .map((entry) => ({ entry, kind: changeKindOf(entry) }))
    .filter(
      ({ entry, kind }) =>
        entry.entityType === 'organisation' || (entry.entityType === 'strategy' && (kind !== 'changed' || servedStrategyIds.has(entry.entityId))),
    )
    .sort((a, b) => b.entry.at.localeCompare(a.entry.at))
    .slice(0, limit)
    .map(({ entry, kind }) => ({
      at: entry.at,
      summary: summaryOf(entry, kind),
      entityType: entry.entityType as 'organisation' | 'strategy',
      entityId: entry.entityId,
      kind,
    }));
}
