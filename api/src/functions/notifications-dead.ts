import { requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { json } from '../http/respond.js';
import type { StoredOutboxDocument } from '../data/outbox-repository.js';
import type { DeadNotification } from '../shared/contracts.js';
import type { PersonDocument } from '../data/documents.js';

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

/** GET /api/notifications/dead — notifications given up on, with their reason; Leader/Admin. */
export const notificationsDeadList = authenticatedHandler(async ({ caller, services }) => {
  await requireLeader(services, caller);
  const [entries, people] = await Promise.all([services.outbox.listDead(caller.tenantId), services.directory.listPeople(caller.tenantId)]);
  const byId = new Map(people.map((person) => [person.id, person]));
  entries.sort((a, b) => (b.deadAt ?? '').localeCompare(a.deadAt ?? ''));
  return json(200, { notifications: entries.map((entry) => toDead(entry, byId)) });
});

/** POST /api/notifications/dead/{id}/retry — back to pending, then a drain; a missing or not-dead entry is a 404. */
export const notificationsDeadRetry = authenticatedHandler(async ({ request, caller, services }) => {
  await requireLeader(services, caller);
  // Outbox ids are "outbox-<hex>", which the generic id rule accepts.
  const id = request.params.id ?? '';
  if (!/^outbox-[0-9a-f]{1,64}$/.test(id)) return problems.validation([{ path: 'id', message: 'Not a notification id' }]);
  const entry = await services.outbox.retryDead(caller.tenantId, id, services.now());
  if (!entry) return problems.notFound();
  services.notifications.drainNow(caller.tenantId).catch((error: unknown) => console.error('drainNow failed', error));
  const person = await services.directory.getPerson(caller.tenantId, entry.recipientUserId);
  return json(200, { notification: toDead(entry, new Map(person ? [[person.id, person]] : [])) });
});
