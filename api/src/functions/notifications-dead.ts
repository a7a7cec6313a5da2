import { requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { json } from '../http/respond.js';
import type { StoredOutboxDocument } from '../data/outbox-repository.js';
import { PAGE_LIMITS, type DeadNotification } from '../shared/contracts.js';
import type { PersonDocument } from '../data/documents.js';
import { onboardingAudit, pageQueryOf, startDrain } from './onboarding-support.js';

function toDead(entry: StoredOutboxDocument, people: ReadonlyMap<string, PersonDocument>): DeadNotification {
  return {
    id: entry.id,
    assignmentId: entry.assignmentId,
    recipientUserId: entry.recipientUserId,
    recipientName: people.get(entry.recipientUserId)?.displayName ?? null,
    kind: entry.kind,
    topic: entry.content.topic,
    attempts: entry.attempts,
    lastError: entry.lastError ?? null,
    deadAt: entry.deadAt ?? null,
  };
}

/** GET /api/notifications/dead?offset=&limit= — notifications given up on (newest first, with total), with their reason; Leader/Admin. */
export const notificationsDeadList = authenticatedHandler(async ({ request, caller, services }) => {
  await requireLeader(services, caller);
  const page = pageQueryOf(request, PAGE_LIMITS.deadLetters);
  if (!page.ok) return page.response;
  const { offset, limit } = page.value;
  const { entries, total } = await services.outbox.listDead(caller.tenantId, offset, limit);
  const people = await services.directory.listPeopleByIds(caller.tenantId, [...new Set(entries.map((entry) => entry.recipientUserId))]);
  const byId = new Map(people.map((person) => [person.id, person]));
  return json(200, { notifications: entries.map((entry) => toDead(entry, byId)), offset, limit, total });
});

/** POST /api/notifications/dead/{id}/retry — back to pending (audited, one batch), then a drain; a missing or not-dead entry is a 404. */
export const notificationsDeadRetry = authenticatedHandler(async ({ request, caller, services }) => {
  const authorised = await requireLeader(services, caller);
  // Outbox ids are "outbox-<hex>", which the generic id rule accepts.
  const id = request.params.id ?? '';
  if (!/^outbox-[0-9a-f]{1,64}$/.test(id)) return problems.validation([{ path: 'id', message: 'Not a notification id' }]);
  const entry = await services.outbox.retryDead(caller.tenantId, id, services.now(), (before, after) =>
    onboardingAudit(services, authorised, { entityType: 'notification', entityId: id, action: 'update', before, after, note: `retried after ${before.attempts} attempts: ${before.lastError ?? 'no reason recorded'}` }),
  );
  if (!entry) return problems.notFound();
  startDrain(services, caller.tenantId);
  const person = await services.directory.getPerson(caller.tenantId, entry.recipientUserId);
  return json(200, { notification: toDead(entry, new Map(person ? [[person.id, person]] : [])) });
});
