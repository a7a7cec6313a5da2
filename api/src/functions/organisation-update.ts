import type { OrganisationDocument } from '../data/documents.js';
import { ifMatchOf } from '../http/route-params.js';
import { requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { updateOrganisationSchema } from '../shared/contracts.js';
import { commitOrganisationChange, staleOrganisation } from './strategy-editing-support.js';

/** PUT /api/organisation (Leader/Admin, If-Match) — name, vision, mission, values, differentiator; audited. */
export const organisationUpdate = authenticatedHandler(async ({ request, caller, services }) => {
  const authorised = await requireLeader(services, caller);
  const ifMatch = ifMatchOf(request, 'organisation');
  if (!ifMatch.ok) return ifMatch.response;
  const body = await parseJsonBody(request, updateOrganisationSchema);
  if (!body.ok) return body.response;

  const stored = await services.strategyEditing.readOrganisation(caller.tenantId);
  if (!stored) return problems.notFound();
  if (stored._etag !== ifMatch.value) return staleOrganisation(services, caller.tenantId, stored);
  const next: OrganisationDocument = { id: stored.id, tenantId: stored.tenantId, type: 'organisation', ...body.value };
  return commitOrganisationChange(services, authorised, stored, next, ifMatch.value, 'update');
});
