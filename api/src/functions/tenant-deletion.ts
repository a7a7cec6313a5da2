import { auditDocument } from '../data/audit.js';
import { confirmationMatches, deletionStatus, isPending, newTenantDeletion } from '../domain/data-rights-deletion.js';
import { actorOf, authoriseCaller, requireAdmin, type AuthorisedCaller } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem, problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { ifMatchOf } from '../http/route-params.js';
import type { Services } from '../services.js';
import { emptyRequestSchema, tenantDeletionRequestSchema } from '../shared/data-rights-contracts.js';
import type { StoredTenantDeletion } from '../data/tenant-deletion.js';

/**
 * Deleting the whole tenant: an Admin asks (typing the organisation's name), everything is deleted by
 * the timer once the grace period has passed (functions/tenant-deletion-timer.ts), and until then an
 * Admin can cancel. The request itself lives in the deletion log, outside the tenant's data; the
 * audit entries (who asked, who cancelled) live in the tenant's directory partition and go with it.
 */
async function statusResponse(services: Services, tenantId: string, authorised: AuthorisedCaller, status = 200) {
  const [tenant, entry] = await Promise.all([services.tenants.get(tenantId), services.tenantDeletions.latestFor(tenantId)]);
  const body = deletionStatus(entry, tenant?.name ?? '', authorised.isAdmin);
  return json(status, body, entry ? { ETag: entry._etag } : {});
}

async function audit(services: Services, authorised: AuthorisedCaller, entry: StoredTenantDeletion, action: 'create' | 'update', note: string) {
  const tenantId = authorised.caller.tenantId;
  await services.containers.directory.items.create(
    auditDocument({ tenantId, entityType: 'tenantDeletion', entityId: entry.id, action, actor: actorOf(authorised), at: services.now(), after: { state: entry.state, deleteAfter: entry.deleteAfter }, note }),
  );
}

/** GET /api/tenant/deletion (anyone in the tenant): whether the organisation's data is to be deleted, and when. */
export const tenantDeletionGet = authenticatedHandler(async ({ caller, services }) => statusResponse(services, caller.tenantId, await authoriseCaller(services, caller)));

/**
 * POST /api/tenant/deletion (Admin) `{ confirmation }`: the organisation's name, else 400 with the field
 * and nothing written. A pending request is answered as it is (200); a new one is 201.
 */
export const tenantDeletionSchedule = authenticatedHandler(async ({ request, caller, services, newId }) => {
  const authorised = await requireAdmin(services, caller);
  const body = await parseJsonBody(request, tenantDeletionRequestSchema);
  if (!body.ok) return body.response;
  const tenant = await services.tenants.get(caller.tenantId);
  if (!tenant) return problems.notFound();
  if (!confirmationMatches(body.value.confirmation, tenant.name)) {
    return problem(400, 'confirmation_mismatch', 'Type the organisation’s name to confirm', {
      detail: 'Nothing was scheduled. Type the name exactly as shown.',
      errors: [{ path: 'confirmation', message: `Type “${tenant.name}” to confirm` }],
    });
  }
  const latest = await services.tenantDeletions.latestFor(caller.tenantId);
  if (latest && isPending(latest)) return statusResponse(services, caller.tenantId, authorised);
  const entry = await services.tenantDeletions.create(newTenantDeletion({ id: `tenant-deletion-${newId('tenant-deletion')}`, tenantId: caller.tenantId, userId: caller.userId, now: services.now() }));
  await audit(services, authorised, entry, 'create', 'asked to delete the organisation’s data');
  return statusResponse(services, caller.tenantId, authorised, 201);
});

/** POST /api/tenant/deletion/cancel (Admin, If-Match on the request) `{}`: only while scheduled (409 once deleting has started). */
export const tenantDeletionCancel = authenticatedHandler(async ({ request, caller, services }) => {
  const authorised = await requireAdmin(services, caller);
  const ifMatch = ifMatchOf(request, 'deletion request');
  if (!ifMatch.ok) return ifMatch.response;
  const body = await parseJsonBody(request, emptyRequestSchema);
  if (!body.ok) return body.response;
  const latest = await services.tenantDeletions.latestFor(caller.tenantId);
  if (!latest || latest.state === 'cancelled' || latest.state === 'done') return problem(409, 'nothing_to_cancel', 'No deletion is scheduled', { detail: 'There is no pending deletion of this organisation’s data.' });
  if (latest._etag !== ifMatch.value) return problems.staleDocument('deletion request', deletionStatus(latest, '', true));
  if (latest.state !== 'scheduled') return problem(409, 'deletion_started', 'The deletion has started', { detail: 'It can no longer be cancelled.' });
  const cancelled = await services.tenantDeletions.replace({ ...latest, state: 'cancelled', cancelledAt: services.now().toISOString() }, ifMatch.value);
  if (cancelled === 'stale') {
    const current = await services.tenantDeletions.latestFor(caller.tenantId);
    return problems.staleDocument('deletion request', deletionStatus(current, '', true));
  }
  await audit(services, authorised, cancelled, 'update', 'cancelled the deletion of the organisation’s data');
  return statusResponse(services, caller.tenantId, authorised);
});
