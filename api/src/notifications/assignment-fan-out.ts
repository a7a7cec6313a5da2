/**
 * The first stage of the drain: expands assignment plans into outbox entries (see
 * domain/onboarding/fan-out.ts). Each step is ONE transactional batch — the chunk's entries, then the
 * assignment with its queued count advanced, guarded by its etag — so a crash between steps leaves a
 * plan that says exactly how far it got, and the next run (drainNow after a request, or the timer)
 * goes on from there. A step that finds entries already written (an interrupted step, a concurrent
 * drain, or a person who holds the version through another assignment) settles them one by one.
 */
import type { AssignmentDocument } from '../data/onboarding-documents.js';
import type { OnboardingRepository, Stored } from '../data/onboarding-repository.js';
import type { OutboxRepository, StoredOutboxDocument } from '../data/outbox-repository.js';
import { assignedNotifications } from '../domain/onboarding/assignment-plan.js';
import { advanceFanOut, FAN_OUT_CHUNK, nextFanOutChunk } from '../domain/onboarding/fan-out.js';
import { outboxDocumentFor, type OutboxDocument } from './outbox.js';

export interface FanOutReport {
  /** Plans looked at. */
  assignments: number;
  /** Outbox entries written (or found written by an interrupted step of the same plan). */
  queued: number;
  /** People left out because they hold the version through another assignment. */
  heldElsewhere: number;
}

export interface FanOutStep {
  tenantId: string;
  assignmentId: string;
  queued: number;
  pending: number;
}

export interface FanOutDependencies {
  onboarding: OnboardingRepository;
  outbox: OutboxRepository;
  teamsAppId: () => string;
  chunkSize?: number;
  /** Plans expanded per tenant and run; the rest wait for the next run. */
  maxAssignments?: number;
  /** Test seam: runs after each committed step, so a throw here is a crash between fan-out batches. */
  afterBatch?: (step: FanOutStep) => void | Promise<void>;
}

/**
 * Expands every unfinished plan of the tenant (up to maxAssignments). `now` stamps each step's
 * entries as it is written, so the outbox (oldest due first) keeps one plan's entries together and
 * the drain fills its bulk calls of 100.
 */
export type AssignmentFanOut = (tenantId: string, now: () => Date) => Promise<FanOutReport>;

/** One step's writes as stored, one at a time with bounded parallelism (a conflict is rare). */
async function settleOneByOne(outbox: OutboxRepository, entries: readonly OutboxDocument[]): Promise<StoredOutboxDocument[]> {
  const stored: StoredOutboxDocument[] = [];
  for (let index = 0; index < entries.length; index += 16) {
    stored.push(...(await Promise.all(entries.slice(index, index + 16).map((entry) => outbox.createIfAbsent(entry)))));
  }
  return stored;
}

export function createAssignmentFanOut(deps: FanOutDependencies): AssignmentFanOut {
  const chunkSize = deps.chunkSize ?? FAN_OUT_CHUNK;

  async function expand(tenantId: string, plan: Stored<AssignmentDocument>, now: () => Date, report: FanOutReport): Promise<void> {
    let assignment: Stored<AssignmentDocument> | undefined = plan;
    // Each pass either commits a step or re-reads a plan someone else changed; the bound is a backstop.
    for (let pass = 0; assignment && pass < 1_000; pass += 1) {
      const chunk = nextFanOutChunk(assignment, chunkSize);
      if (chunk.length === 0) return;
      const at = now();
      const entries = assignedNotifications(assignment, chunk, deps.teamsAppId()).map((request) => outboxDocumentFor(tenantId, request, at));
      // Entries first, the guarded replace last: a store that applies a batch operation by operation
      // (the local one) then never advances the count past entries it did not write.
      const result = await deps.onboarding.batch<OutboxDocument | AssignmentDocument>(tenantId, [
        ...entries.map((document) => ({ kind: 'create' as const, document })),
        { kind: 'replace', document: advanceFanOut(assignment, chunk), ifMatch: assignment._etag },
      ]);
      let committed: Stored<AssignmentDocument> | undefined;
      let heldElsewhere = 0;
      if (result.status === 'ok') {
        committed = result.documents.at(-1) as Stored<AssignmentDocument>;
      } else if (result.status === 'conflict') {
        const stored = await settleOneByOne(deps.outbox, entries);
        const current = assignment;
        const elsewhere = new Set(stored.filter((entry) => entry.assignmentId !== current.id).map((entry) => entry.recipientUserId));
        const replaced = await deps.onboarding.replace(advanceFanOut(current, chunk, elsewhere), current._etag);
        if (replaced.status === 'ok') committed = replaced.document;
        heldElsewhere = elsewhere.size;
      }
      if (!committed) {
        // Stale: a member joined or another drain took a step meanwhile. Go on from what is stored.
        assignment = await deps.onboarding.getAssignment(tenantId, assignment.id);
        continue;
      }
      report.queued += chunk.length - heldElsewhere;
      report.heldElsewhere += heldElsewhere;
      assignment = committed;
      const progress = committed.fanOut ?? { queued: committed.recipientIds.length, pending: 0 };
      await deps.afterBatch?.({ tenantId, assignmentId: committed.id, queued: progress.queued, pending: progress.pending });
    }
  }

  return async (tenantId, now) => {
    const report: FanOutReport = { assignments: 0, queued: 0, heldElsewhere: 0 };
    const plans = await deps.onboarding.listAssignmentsToFanOut(tenantId, deps.maxAssignments ?? 200);
    for (const plan of plans) {
      report.assignments += 1;
      await expand(tenantId, plan, now, report);
    }
    return report;
  };
}
