import { erasePerson } from '../data/person-erasure.js';
import { actorOf, requireAdmin } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem, problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { ifMatchOf, parseIdParam } from '../http/route-params.js';
import { emptyRequestSchema, type PersonErasureResult } from '../shared/data-rights-contracts.js';
import { toPerson } from './people-support.js';

/**
 * POST /api/people/{userId}/erase (Admin, If-Match on the person, body `{}`): removes the person's own
 * records and anonymises them where others' records keep them (data/person-erasure.ts), with an audit
 * entry naming nobody. Another tenant's person → 404; an Admin cannot erase themselves. An erasure a
 * crash interrupted goes on whatever the If-Match (the Admin's decision is already on the record).
 */
export const peopleErase = authenticatedHandler(async ({ request, caller, services, newId }) => {
  const authorised = await requireAdmin(services, caller);
  const userId = parseIdParam(request, 'userId');
  if (!userId.ok) return userId.response;
  if (userId.value === caller.userId) {
    return problem(403, 'own_account', 'You cannot erase yourself', { detail: 'Ask another Admin to erase your data.' });
  }
  const ifMatch = ifMatchOf(request, 'person');
  if (!ifMatch.ok) return ifMatch.response;
  const body = await parseJsonBody(request, emptyRequestSchema);
  if (!body.ok) return body.response;

  const { tenantId } = caller;
  const stored = await services.people.readPerson(tenantId, userId.value);
  if (!stored) return problems.notFound();
  if (!stored.erasure && stored._etag !== ifMatch.value) return problems.staleDocument('person', toPerson(stored, await services.directory.listTeams(tenantId)));

  const counts = await erasePerson(services.containers, {
    tenantId,
    person: stored,
    actor: actorOf(authorised),
    newPseudonymId: `former-${newId('erasure')}`,
    now: services.now(),
  });
  services.firstRequestPeople.forget(tenantId, userId.value);
  // The erasure deletes their tasks outside the task writes that move the alignment figures: recount,
  // so the figures hold neither the person's id nor tasks that are gone.
  await services.alignmentFigures.rebuild(tenantId);
  const result: PersonErasureResult = { erased: true, ...counts };
  return json(200, result);
});
