/**
 * The notification outbox: one document per (person × notification) in the tenant's `onboarding`
 * partition. An assignment is saved as the plan of its notifications; the entries are written from
 * it in the same partition, each step in one transactional batch with the plan's progress, so
 * "assigned" and "will be notified" stay one decision however large the cohort; the drain sends.
 *
 * HOW TO ENQUEUE (the onboarding API writes assignment PLANS instead, which the drain's first stage
 * expands into entries step by step, see assignment-fan-out.ts; reminders and tests enqueue directly):
 *
 *   enqueueNotifications(outbox: OutboxRepository, tenantId: string, requests: NotificationRequest[],
 *                        now: Date): Promise<{ created: number; alreadyQueued: number }>
 *
 *   - one NotificationRequest per person; `idempotencyKey` names the notification for that person
 *     (e.g. assignedIdempotencyKey(moduleVersionId, userId)); a second enqueue with the same key is a no-op.
 *   - `chainKey` names the notification shared by everyone who gets the same text (e.g.
 *     assignedChainKey(assignmentId)); people with the same chainKey are sent in one bulk call, and
 *     chainIdFor(chainKey) is the Graph `chainId`, so a resend replaces rather than duplicates.
 *   - `notBefore` (ISO) holds the entry back until then: pass the assignment's startAt.
 *   - then call `void services.notifications.drainNow(tenantId)` to send right away (it never rejects).
 *
 *   Reminders: register once, e.g. at module load of your handlers,
 *     getServices().notifications.setReminderSource(async (tenantId) => ReminderAssignment[], { daysBefore: [3, 1] })
 *   and the timer plans them (reminder-planner.ts: before the due date and on it, one per person per
 *   day, none for completers or before startAt) and queues them with their own idempotency keys.
 *   Dead letters for leaders: outbox.listDead(tenantId) (state 'dead', lastError = reason) and
 *   outbox.retryDead(tenantId, id, now) (→ pending, attempts 0; undefined when missing or not dead).
 *   Dashboard "notified": outbox.listForAssignment(tenantId, assignmentId) → state 'sent' + sentAt.
 *
 *   To write the entries inside your own transactional batch instead, build them with
 *   outboxDocumentFor(tenantId, request, now) and `create` them (id is derived from the key, so a
 *   duplicate create answers 409 instead of writing twice).
 */
import { createHash } from 'node:crypto';
import type { OutboxRepository } from '../data/outbox-repository.js';
import type { NotificationLanguage, NotificationMessage } from './notification-text.js';

export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed' | 'dead';
/** 'assigned' and 'reminder' are onboarding's (reminders also remind leaders of open alignment rounds); 'alignmentInvite' and 'momentRecognised' issue 12's; 'pulse' and 'pulseReminder' a mission pulse's announcement and reminder (assignmentId then holds the pulse id); 'tasksRemapped' tells an owner a leader re-mapped their tasks (assignmentId holds the re-map's id). */
export type NotificationKind = 'assigned' | 'reminder' | 'alignmentInvite' | 'momentRecognised' | 'pulse' | 'pulseReminder' | 'tasksRemapped';

/** What Graph is asked to show: identical for everyone sharing a chainKey and a language. */
export interface NotificationContent {
  /** Declared in appPackage/manifest.json `activities.activityTypes`. */
  activityType: 'moduleAssigned' | 'moduleReminder' | 'alignmentRoundInvited' | 'alignmentRoundReminder' | 'momentRecognised' | 'pulseOpened' | 'pulseReminder' | 'tasksRemapped';
  /** The topic's text (e.g. the module title). */
  topic: string;
  /** Deep link into the module in the tab; Graph refuses 1,024 characters or more. */
  webUrl: string;
  previewText: string;
  templateParameters: Record<string, string>;
  /**
   * What the notification says in no language: the drain writes it in each recipient's (contentIn in
   * notification-text.ts); the fields above are its English. Absent on entries queued before that,
   * and on texts with nothing to translate: sent as stored.
   */
  message?: NotificationMessage;
}

export interface NotificationRequest {
  recipientUserId: string;
  kind: NotificationKind;
  assignmentId: string;
  idempotencyKey: string;
  chainKey: string;
  content: NotificationContent;
  notBefore?: string;
}

export interface OutboxDocument {
  id: string;
  tenantId: string;
  type: 'outbox';
  kind: NotificationKind;
  assignmentId: string;
  recipientUserId: string;
  idempotencyKey: string;
  chainKey: string;
  chainId: number;
  content: NotificationContent;
  state: OutboxState;
  /** Failed sends so far (throttling does not count: it is Graph asking us to wait, not failing). */
  attempts: number;
  nextAttemptAt: string;
  leaseUntil?: string;
  leaseOwner?: string;
  lastError?: string;
  createdAt: string;
  updatedAt: string;
  sentAt?: string;
  /** The language the notification was sent in. */
  sentLanguage?: NotificationLanguage;
  deadAt?: string;
}

export const WEB_URL_MAX_LENGTH = 1023;

/**
 * One "assigned" notification per person per module VERSION (the onboarding API passes the version
 * id), so a person on two assignments of one version is notified once; the first entry decides.
 */
export function assignedIdempotencyKey(moduleVersionId: string, userId: string): string {
  return `${moduleVersionId}:${userId}:assigned`;
}
export function assignedChainKey(assignmentId: string): string {
  return `${assignmentId}:assigned`;
}
/** At most one reminder per person per day, across all their assignments: the key says so. */
export function reminderIdempotencyKey(userId: string, day: string): string {
  return `reminder:${userId}:${day}`;
}
export function reminderChainKey(assignmentId: string, day: string): string {
  return `${assignmentId}:reminder:${day}`;
}
/** One announcement and one reminder per person per pulse, ever. */
export function pulseIdempotencyKey(pulseId: string, userId: string, kind: 'pulse' | 'pulseReminder'): string {
  return `${kind}:${pulseId}:${userId}`;
}
export function pulseChainKey(pulseId: string, kind: 'pulse' | 'pulseReminder'): string {
  return `${kind}:${pulseId}`;
}

/**
 * One notice per owner per re-map, ever: the key (and so the entry's id) comes from the re-map's
 * derived identity (domain/remap-notices.ts), so a retried or repeated re-map queues nothing new.
 * Each owner's text differs (their count), so each is a chain of its own.
 */
export function remapIdempotencyKey(remapId: string, userId: string): string {
  return `tasksRemapped:${remapId}:${userId}`;
}

/**
 * Graph's chainId is an Int64; JSON numbers are exact only up to 2^53, so take 52 bits of a hash.
 * Stable for a chainKey forever, so every resend of an entry carries the same chainId.
 */
export function chainIdFor(chainKey: string): number {
  const digest = createHash('sha256').update(chainKey).digest();
  return (digest.readUIntBE(0, 6) * 16 + (digest[6]! >> 4)) + 1;
}

/** Cosmos ids may not contain '/', '\\', '?' or '#'; keys may, so the id is a hash of the key. */
export function outboxIdFor(idempotencyKey: string): string {
  return `outbox-${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}`;
}

export function outboxDocumentFor(tenantId: string, request: NotificationRequest, now: Date): OutboxDocument {
  if (request.content.webUrl.length > WEB_URL_MAX_LENGTH) {
    throw new RangeError(`webUrl is ${request.content.webUrl.length} characters; Graph accepts at most ${WEB_URL_MAX_LENGTH}`);
  }
  const at = now.toISOString();
  return {
    id: outboxIdFor(request.idempotencyKey),
    tenantId,
    type: 'outbox',
    kind: request.kind,
    assignmentId: request.assignmentId,
    recipientUserId: request.recipientUserId,
    idempotencyKey: request.idempotencyKey,
    chainKey: request.chainKey,
    chainId: chainIdFor(request.chainKey),
    content: request.content,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: request.notBefore && request.notBefore > at ? request.notBefore : at,
    createdAt: at,
    updatedAt: at,
  };
}

export async function enqueueNotifications(
  outbox: OutboxRepository,
  tenantId: string,
  requests: readonly NotificationRequest[],
  // Required: the outbox is due against the drain's clock (services.now), never the machine's.
  now: Date,
): Promise<{ created: number; alreadyQueued: number }> {
  const documents = requests.map((request) => outboxDocumentFor(tenantId, request, now));
  return outbox.createMany(tenantId, documents);
}
