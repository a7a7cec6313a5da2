/**
 * Expanding an assignment plan into outbox entries, step by step (pure). The assignment document
 * records how many of its recipients are queued (fanOut.queued); each step queues the next chunk of
 * recipients and advances the count in the SAME transactional batch, so after a crash the next run
 * resumes exactly where the last committed step ended. Re-running a step is harmless: outbox ids
 * derive from idempotency keys, so an entry that exists is found, never written twice.
 *
 * A person whose entry for this version already belongs to ANOTHER assignment holds the version
 * there: they leave this plan (its unexpanded tail only, so the queued count stays right).
 */
import type { AssignmentDocument, FanOutProgress } from '../../data/onboarding-documents.js';
import type { OutboxDocument } from '../../notifications/outbox.js';

/** A step is one transactional batch: the chunk's outbox entries plus the assignment's own replace. */
export const FAN_OUT_CHUNK = 99;

/** Assignments written before plans existed had their entries written with them: fully queued. */
export function progressOf(assignment: Pick<AssignmentDocument, 'recipientIds' | 'fanOut'>): FanOutProgress {
  return assignment.fanOut ?? { queued: assignment.recipientIds.length, pending: 0 };
}

/** The recipients the next step queues (empty when the plan is fully expanded). */
export function nextFanOutChunk(assignment: Pick<AssignmentDocument, 'recipientIds' | 'fanOut'>, size = FAN_OUT_CHUNK): string[] {
  const { queued } = progressOf(assignment);
  return assignment.recipientIds.slice(queued, queued + size);
}

/** The assignment after a step queued `chunk`, less the people who hold the version elsewhere. */
export function advanceFanOut(assignment: AssignmentDocument, chunk: readonly string[], heldElsewhere: ReadonlySet<string> = new Set()): AssignmentDocument {
  const { queued } = progressOf(assignment);
  const kept = chunk.filter((userId) => !heldElsewhere.has(userId));
  const recipientIds = [...assignment.recipientIds.slice(0, queued), ...kept, ...assignment.recipientIds.slice(queued + chunk.length)];
  const nowQueued = queued + kept.length;
  return { ...assignment, recipientIds, fanOut: { queued: nowQueued, pending: recipientIds.length - nowQueued } };
}

/** What a leader sees of one person's "assigned" notification: still to go, sent, or given up on. */
export type NotificationState = 'queued' | 'sent' | 'failed';

type EntryView = Pick<OutboxDocument, 'assignmentId' | 'recipientUserId' | 'kind' | 'state'>;

/**
 * The state of each recipient's notification, keyed `${assignmentId}|${userId}`. A recipient with no
 * outbox entry yet (the plan's unexpanded tail) is queued too: the drain will write and send it.
 */
export function notificationStates(assignments: readonly Pick<AssignmentDocument, 'id' | 'recipientIds'>[], entries: readonly EntryView[]): Map<string, NotificationState> {
  const byKey = new Map(entries.filter((entry) => entry.kind === 'assigned').map((entry) => [`${entry.assignmentId}|${entry.recipientUserId}`, entry.state]));
  const states = new Map<string, NotificationState>();
  for (const assignment of assignments) {
    for (const userId of assignment.recipientIds) {
      const key = `${assignment.id}|${userId}`;
      const state = byKey.get(key);
      states.set(key, state === 'sent' ? 'sent' : state === 'dead' ? 'failed' : 'queued');
    }
  }
  return states;
}

export interface FanOutSummary {
  recipients: number;
  /** In the plan, not yet written to the outbox. */
  planned: number;
  /** In the outbox, not sent yet (waiting for its start, sending, or retrying). */
  queued: number;
  sent: number;
  failed: number;
}

export function fanOutSummary(assignment: AssignmentDocument, entries: readonly EntryView[]): FanOutSummary {
  const inOutbox = new Set(entries.filter((entry) => entry.kind === 'assigned' && entry.assignmentId === assignment.id).map((entry) => entry.recipientUserId));
  const states = notificationStates([assignment], entries);
  const summary: FanOutSummary = { recipients: assignment.recipientIds.length, planned: 0, queued: 0, sent: 0, failed: 0 };
  for (const userId of assignment.recipientIds) {
    const state = states.get(`${assignment.id}|${userId}`)!;
    if (state === 'queued' && !inOutbox.has(userId)) summary.planned += 1;
    else summary[state] += 1;
  }
  return summary;
}
