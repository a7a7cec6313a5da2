import { laterVisit } from '../domain/line-of-sight-visits.js';
import { authenticatedHandler } from '../http/handler.js';
import { parseJsonBody } from '../http/request-body.js';
import { noContent } from '../http/respond.js';
import { recordVisitSchema } from '../shared/contracts.js';

/**
 * POST /api/me/visits `{ seenUntil }` → 204. The person dismissed "what changed since your last
 * visit": changes up to `seenUntil` are no longer news. Idempotent by its nature (the same body
 * leaves the same state), and it never moves the last visit back; guarded by the person's etag, so
 * a concurrent role grant is kept and two dismissals can't cross.
 */
export const meVisitsCreate = authenticatedHandler(async ({ request, caller, services }) => {
  const body = await parseJsonBody(request, recordVisitSchema);
  if (!body.ok) return body.response;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const person = await services.people.readPerson(caller.tenantId, caller.userId);
    if (!person) return noContent(); // not in the directory (yet): nothing to remember the visit on
    const next = laterVisit(person.lastVisitAt, body.value.seenUntil, services.now());
    if (next === person.lastVisitAt) return noContent();
    if ((await services.people.replace({ ...person, lastVisitAt: next }, person._etag)) === 'ok') return noContent();
  }
  throw new Error('The person kept changing while their visit was recorded');
});
