import { auditDocument } from '../data/audit.js';
import type { PersonDocument } from '../data/documents.js';
import type { StoredPerson } from '../data/people-repository.js';
import { actorOf, requireAdmin } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem, problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { parseIdParam, ifMatchOf } from '../http/route-params.js';
import { grantedRolesUpdateSchema, type Role } from '../shared/contracts.js';
import { toPerson } from './people-support.js';

/** Keeps every field of the stored person but the Cosmos system ones, with new granted roles. */
function withGrantedRoles(stored: StoredPerson, grantedRoles: Role[]): PersonDocument {
  const { id, tenantId, type, displayName, teamId, roles, lastVisitAt } = stored;
  return { id, tenantId, type, displayName, teamId, roles, grantedRoles, ...(lastVisitAt ? { lastVisitAt } : {}) };
}

/**
 * PUT /api/people/{userId}/granted-roles (Admin, If-Match on the person) {roles: ['Leader'] | []}.
 * The change and its audit entry ('grant' or 'revoke') are one batch in the directory partition.
 * Token roles are untouched: this only adds or removes what was granted in the app. An Admin never
 * changes their own roles: another Admin must (two people for every change of one's own power).
 */
export const peopleGrantedRolesUpdate = authenticatedHandler(async ({ request, caller, services }) => {
  const authorised = await requireAdmin(services, caller);
  const userId = parseIdParam(request, 'userId');
  if (!userId.ok) return userId.response;
  if (userId.value === caller.userId) {
    return problem(403, 'own_roles', 'You cannot change your own roles', { detail: 'Ask another Admin to change your roles.' });
  }
  const ifMatch = ifMatchOf(request, 'person');
  if (!ifMatch.ok) return ifMatch.response;
  const body = await parseJsonBody(request, grantedRolesUpdateSchema);
  if (!body.ok) return body.response;

  const { tenantId } = caller;
  const [stored, teams] = await Promise.all([services.people.readPerson(tenantId, userId.value), services.directory.listTeams(tenantId)]);
  if (!stored) return problems.notFound();
  if (stored._etag !== ifMatch.value) return problems.staleDocument('person', toPerson(stored, teams));
  const before = stored.grantedRoles ?? [];
  // Admin granted at sign-up (the person who set the organisation up) is not this route's to take away.
  const after: Role[] = [...new Set([...body.value.roles, ...before.filter((role) => role === 'Admin')])];
  if (before.length === after.length && before.every((role) => after.includes(role))) return json(200, toPerson(stored, teams), { ETag: stored._etag });

  const next = withGrantedRoles(stored, after);
  const action = after.some((role) => !before.includes(role)) ? 'grant' : 'revoke';
  const audit = auditDocument({
    tenantId, entityType: 'roleGrant', entityId: stored.id, action, actor: actorOf(authorised),
    before: { grantedRoles: before }, after: { grantedRoles: after }, at: services.now(), note: `${action === 'grant' ? 'granted' : 'revoked'} Leader for ${stored.displayName}`,
  });
  const result = await services.people.replaceWithAudit(tenantId, next, ifMatch.value, audit);
  if (result.status === 'ok') {
    const saved = result.documents[0] as StoredPerson;
    return json(200, toPerson(saved, teams), { ETag: saved._etag });
  }
  const current = await services.people.readPerson(tenantId, userId.value);
  return current ? problems.staleDocument('person', toPerson(current, teams)) : problems.notFound();
});
