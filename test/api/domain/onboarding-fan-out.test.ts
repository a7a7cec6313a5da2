/**
 * Worked examples of the fan-out planning (pure): how an assignment plan is expanded step by step,
 * what the leader sees of each person's notification, one module version per learner, and one page
 * of a cohort's people.
 */
import { describe, expect, it } from 'vitest';
import { toCohort } from '../../../api/src/domain/onboarding/cohort-views.js';
import { advanceFanOut, fanOutSummary, nextFanOutChunk, notificationStates, progressOf } from '../../../api/src/domain/onboarding/fan-out.js';
import { oneAssignmentPerVersion } from '../../../api/src/domain/onboarding/learner-progress.js';
import type { CohortDocument } from '../../../api/src/data/onboarding-documents.js';
import { TENANT, assignment } from './onboarding-fixtures.js';

const people = (count: number) => Array.from({ length: count }, (_, index) => `u${String(index + 1).padStart(3, '0')}`);

describe('expanding an assignment plan', () => {
  it('queues 130 people in two steps of at most 99 (each step one batch with the plan itself)', () => {
    const plan = assignment({ recipientIds: people(130), fanOut: { queued: 0, pending: 130 } });
    const first = nextFanOutChunk(plan);
    expect([first.length, first[0], first.at(-1)]).toEqual([99, 'u001', 'u099']);
    const afterFirst = advanceFanOut(plan, first);
    expect(afterFirst.fanOut).toEqual({ queued: 99, pending: 31 });
    // Resuming after a crash starts exactly where the committed step ended.
    const second = nextFanOutChunk(afterFirst);
    expect([second.length, second[0], second.at(-1)]).toEqual([31, 'u100', 'u130']);
    const done = advanceFanOut(afterFirst, second);
    expect(done.fanOut).toEqual({ queued: 130, pending: 0 });
    expect(nextFanOutChunk(done)).toEqual([]);
    expect(done.recipientIds).toEqual(plan.recipientIds);
  });

  it('drops people whose notification for this version belongs to another assignment, from the unexpanded part only', () => {
    const plan = assignment({ recipientIds: ['a', 'b', 'c', 'd', 'e'], fanOut: { queued: 1, pending: 4 } });
    const chunk = nextFanOutChunk(plan, 2);
    expect(chunk).toEqual(['b', 'c']);
    const next = advanceFanOut(plan, chunk, new Set(['c']));
    expect(next.recipientIds).toEqual(['a', 'b', 'd', 'e']);
    expect(next.fanOut).toEqual({ queued: 2, pending: 2 });
    expect(nextFanOutChunk(next, 2)).toEqual(['d', 'e']);
  });

  it('treats an assignment written before plans existed as fully queued', () => {
    expect(progressOf(assignment({ recipientIds: ['u1', 'u2'] }))).toEqual({ queued: 2, pending: 0 });
    expect(nextFanOutChunk(assignment())).toEqual([]);
  });
});

describe('what the leader sees of the notifications', () => {
  const plan = assignment({ id: 'as1', recipientIds: ['a', 'b', 'c', 'd', 'e'], fanOut: { queued: 4, pending: 1 } });
  const entry = (userId: string, state: 'pending' | 'sending' | 'failed' | 'sent' | 'dead') => ({ assignmentId: 'as1', recipientUserId: userId, kind: 'assigned' as const, state });
  const entries = [entry('a', 'sent'), entry('b', 'sending'), entry('c', 'dead'), entry('d', 'failed'), { ...entry('a', 'pending'), kind: 'reminder' as const }];

  it('says per person: sent, failed (dead letter), or still queued — in the outbox or still in the plan', () => {
    const states = notificationStates([plan], entries);
    expect(['a', 'b', 'c', 'd', 'e'].map((userId) => states.get(`as1|${userId}`))).toEqual(['sent', 'queued', 'failed', 'queued', 'queued']);
    expect(fanOutSummary(plan, entries)).toEqual({ recipients: 5, planned: 1, queued: 2, sent: 1, failed: 1 });
  });

  it('ignores another assignment\'s entries', () => {
    expect(fanOutSummary(plan, [{ ...entry('a', 'sent'), assignmentId: 'as9' }])).toEqual({ recipients: 5, planned: 5, queued: 0, sent: 0, failed: 0 });
  });
});

describe('one module version per learner', () => {
  const first = assignment({ id: 'x1', moduleVersionId: 'm1-v1', recipientIds: ['u1'], fanOut: { queued: 0, pending: 1 }, createdAt: '2026-03-01T09:00:00.000Z' });
  const second = assignment({ id: 'x2', moduleVersionId: 'm1-v1', recipientIds: ['u1'], fanOut: { queued: 0, pending: 1 }, createdAt: '2026-03-01T09:00:00.001Z' });
  const other = assignment({ id: 'x3', moduleVersionId: 'm1-v2', recipientIds: ['u1'] });

  it('keeps the assignment with their progress, else the one that queued their notification, else the earliest', () => {
    expect(oneAssignmentPerVersion([second, first, other], 'u1', () => false).map((kept) => kept.id)).toEqual(['x1', 'x3']);
    const queued = { ...second, fanOut: { queued: 1, pending: 0 } };
    expect(oneAssignmentPerVersion([first, queued, other], 'u1', () => false).map((kept) => kept.id)).toEqual(['x2', 'x3']);
    expect(oneAssignmentPerVersion([first, queued, other], 'u1', (id) => id === 'x1').map((kept) => kept.id)).toEqual(['x1', 'x3']);
  });
});

describe('a page of a cohort\'s people', () => {
  const ids = people(130);
  const cohort: CohortDocument = { id: 'c1', tenantId: TENANT, type: 'cohort', name: 'Big', description: '', memberIds: ids, createdAt: 'x', updatedAt: 'x', createdBy: 'lead' };
  const directory = ids.map((id, index) => ({ id, displayName: `Person ${String(130 - index).padStart(3, '0')}`, upn: `${id}@contoso.example` }));

  it('sorts by name, answers one page with the total, and searches name or UPN', () => {
    const page = toCohort(cohort, [], directory, { offset: 50, limit: 50, search: '' });
    expect(page.memberCount).toBe(130);
    expect(page.memberPage).toEqual({ offset: 50, limit: 50, total: 130, search: '' });
    expect(page.members).toHaveLength(50);
    expect([page.members[0]!.displayName, page.members.at(-1)!.displayName]).toEqual(['Person 051', 'Person 100']);
    expect(toCohort(cohort, [], directory, { offset: 100, limit: 50, search: '' }).members).toHaveLength(30);

    const found = toCohort(cohort, [], directory, { offset: 0, limit: 50, search: 'U12' });
    expect(found.members.map((member) => member.userId)).toEqual(['u129', 'u128', 'u127', 'u126', 'u125', 'u124', 'u123', 'u122', 'u121', 'u120']);
    expect(found.memberPage.total).toBe(10);
    expect(toCohort(cohort, [], directory, { offset: 0, limit: 50, search: 'person 007' }).members.map((member) => member.userId)).toEqual(['u124']);
  });
});
