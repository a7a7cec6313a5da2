import { authenticatedHandler } from '../http/handler.js';
import { noContent } from '../http/respond.js';

/** POST /api/me/visits → 204. Records that the person saw the "what changed since your last visit" note. */
export const meVisitsCreate = authenticatedHandler(async ({ caller, services }) => {
  await services.people.recordVisit(caller.tenantId, caller.userId, services.now().toISOString());
  return noContent();
});
