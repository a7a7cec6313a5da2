/**
 * Expanding assignment plans into the outbox, with the real repositories on the embedded Cosmos DB:
 * two expansions at once, a member joining mid-expansion, a crash between steps, and a person who
 * holds the version through another assignment. Each test has its own tenant.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTAINERS, DATABASE_ID } from '../../../api/src/data/containers.js';
import { assignmentIdFor, type AssignmentDocument } from '../../../api/src/data/onboarding-documents.js';
import { createOnboardingRepository, type OnboardingRepository } from '../../../api/src/data/onboarding-repository.js';
import { createAssignmentFanOut, type FanOutStep } from '../../../api/src/notifications/assignment-fan-out.js';
import { newTenantId, startNotificationKit, type NotificationKit } from './notification-kit.js';

let kit: NotificationKit;
let onboarding: OnboardingRepository;
let tenant: string;
beforeAll(async () => {
  kit = await startNotificationKit();
  onboarding = createOnboardingRepository(kit.client.database(DATABASE_ID).container(CONTAINERS.onboarding.id));
});
beforeEach(() => {
  tenant = newTenantId();
});
afterAll(async () => kit?.close());

function plan(cohortId: string, people: number, versionId = `${cohortId}-version`): AssignmentDocument {
  const recipientIds = Array.from({ length: people }, (_, index) => `${cohortId}-p${String(index).padStart(3, '0')}`);
  return {
    id: assignmentIdFor(cohortId, versionId), tenantId: tenant, type: 'assignment', cohortId, moduleId: 'm', moduleVersionId: versionId, version: 1,
    moduleTitle: 'Fan-out', dueDate: '2026-03-30', startAt: null, audience: 'everyone', recipientIds, fanOut: { queued: 0, pending: people }, createdAt: '2026-03-02T09:00:00.000Z', createdBy: 'lead',
  };
}

const fanOut = (afterBatch?: (step: FanOutStep) => void) => createAssignmentFanOut({ onboarding, outbox: kit.outbox, teamsAppId: () => 'app', ...(afterBatch ? { afterBatch } : {}) });
const now = () => () => new Date(kit.clock.now());
const entriesOf = async (assignmentId: string) => (await kit.outbox.listForAssignment(tenant, assignmentId)).map((entry) => entry.recipientUserId).sort();

describe('assignment fan-out', () => {
  it('two expansions at once write every entry once and agree on the progress', async () => {
    const stored = plan('race', 250);
    await onboarding.create(stored);
    const [one, two] = await Promise.all([fanOut()(tenant, now()), fanOut()(tenant, now())]);
    expect(one.queued + two.queued).toBeGreaterThanOrEqual(250);
    expect(await entriesOf(stored.id)).toEqual([...stored.recipientIds].sort());
    expect(await onboarding.getAssignment(tenant, stored.id)).toMatchObject({ fanOut: { queued: 250, pending: 0 } });
    expect(await onboarding.listAssignmentsToFanOut(tenant, 10)).toEqual([]);
  });

  it('resumes after a crash between steps, and picks up people who joined meanwhile', async () => {
    const stored = plan('resume', 130);
    await onboarding.create(stored);
    const crashing = fanOut((step) => {
      if (step.queued === 99) throw new Error('process killed');
    });
    await expect(crashing(tenant, now())).rejects.toThrow('process killed');
    expect(await onboarding.getAssignment(tenant, stored.id)).toMatchObject({ fanOut: { queued: 99, pending: 31 } });
    expect(await entriesOf(stored.id)).toHaveLength(99);

    const current = (await onboarding.getAssignment(tenant, stored.id))!;
    const joined = { ...current, recipientIds: [...current.recipientIds, 'resume-late'], fanOut: { queued: 99, pending: 32 } };
    expect((await onboarding.replace(joined, current._etag)).status).toBe('ok');
    expect(await fanOut()(tenant, now())).toMatchObject({ assignments: 1, queued: 32, heldElsewhere: 0 });
    expect(await entriesOf(stored.id)).toEqual([...stored.recipientIds, 'resume-late'].sort());
  });

  it('leaves out a person whose notification for the version belongs to another assignment', async () => {
    const first = plan('first', 3, 'shared-version');
    const second = { ...plan('second', 0, 'shared-version'), recipientIds: ['first-p001', 'second-only'], fanOut: { queued: 0, pending: 2 } };
    await onboarding.create(first);
    await fanOut()(tenant, now());
    await onboarding.create(second);
    expect(await fanOut()(tenant, now())).toMatchObject({ queued: 1, heldElsewhere: 1 });
    expect(await onboarding.getAssignment(tenant, second.id)).toMatchObject({ recipientIds: ['second-only'], fanOut: { queued: 1, pending: 0 } });
    expect(await entriesOf(second.id)).toEqual(['second-only']);
    expect(await entriesOf(first.id)).toEqual(['first-p000', 'first-p001', 'first-p002']);
  });
});
