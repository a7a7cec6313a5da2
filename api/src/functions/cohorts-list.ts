import type { CohortDocument } from '../data/onboarding-documents.js';
import { requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';
import { createCohortSchema, PAGE_LIMITS, type CohortSearchPage, type CohortSummary } from '../shared/contracts.js';
import type { Services } from '../services.js';
import { keysetPage, parseListQuery } from '../http/list-query.js';
import type { CohortListing } from '../data/onboarding-repository.js';
import { cohortResponse, onboardingAudit, pageQueryOf } from './onboarding-support.js';

/**
 * GET /api/cohorts?offset=&limit= — a page of cohorts (oldest first) with total; Leader/Admin.
 * GET /api/cohorts?q=&limit=&cursor= (either `q` or `cursor` present) — a keyset page of the cohorts
 * whose name contains `q`, with `nextCursor` (issue 13: searchable lists).
 */
export const cohortsList = authenticatedHandler(async ({ request, caller, services }) => {
  await requireLeader(services, caller);
  if (request.query.has('q') || request.query.has('cursor')) {
    const query = parseListQuery(request);
    if (!query.ok) return query.response;
    const rows = await services.onboarding.searchCohorts(caller.tenantId, query.value);
    const page = keysetPage(rows, query.value.limit, (cohort) => ({ at: cohort.createdAt, id: cohort.id }));
    const body: CohortSearchPage = { cohorts: await summariesOf(services, caller.tenantId, page.items), nextCursor: page.nextCursor };
    return json(200, body);
  }
  const page = pageQueryOf(request, PAGE_LIMITS.cohorts);
  if (!page.ok) return page.response;
  const { offset, limit } = page.value;
  const { cohorts, total } = await services.onboarding.pageCohorts(caller.tenantId, offset, limit);
  return json(200, { cohorts: await summariesOf(services, caller.tenantId, cohorts), offset, limit, total });
});

async function summariesOf(services: Services, tenantId: string, cohorts: readonly CohortListing[]): Promise<CohortSummary[]> {
  const counts = await services.onboarding.countAssignments(tenantId, cohorts.map((cohort) => cohort.id));
  return cohorts.map((cohort) => ({
    id: cohort.id,
    name: cohort.name,
    description: cohort.description,
    memberCount: cohort.memberCount,
    assignmentCount: counts.get(cohort.id) ?? 0,
    createdAt: cohort.createdAt,
    etag: cohort._etag,
  }));
}

/** GET /api/cohorts/{id}?offset=&limit=&search= — a page of its people (by name) and its assignments; another tenant's id is not found. */
export const cohortsGet = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  await requireLeader(services, caller);
  const page = pageQueryOf(request, PAGE_LIMITS.members);
  if (!page.ok) return page.response;
  const cohort = await services.onboarding.getCohort(caller.tenantId, id.value);
  return cohort ? cohortResponse(services, caller.tenantId, cohort, 200, page.value) : problems.notFound();
});

/** POST /api/cohorts {name, description?, memberIds?} — Leader/Admin; the cohort and its audit entry in one batch. */
export const cohortsCreate = authenticatedHandler(async ({ request, caller, services, newId }) => {
  const authorised = await requireLeader(services, caller);
  const body = await parseJsonBody(request, createCohortSchema);
  if (!body.ok) return body.response;
  const people = new Set((await services.directory.listPeopleByIds(caller.tenantId, body.value.memberIds)).map((person) => person.id));
  const unknown = body.value.memberIds.flatMap((userId, index) => (people.has(userId) ? [] : [{ path: `memberIds.${index}`, message: 'No such person' }]));
  if (unknown.length > 0) return problems.validation(unknown);
  const now = services.now().toISOString();
  const cohort: CohortDocument = {
    id: newId('cohort'),
    tenantId: caller.tenantId,
    type: 'cohort',
    name: body.value.name,
    description: body.value.description,
    memberIds: [...new Set(body.value.memberIds)],
    createdAt: now,
    updatedAt: now,
    createdBy: caller.userId,
  };
  const audit = onboardingAudit(services, authorised, { entityType: 'cohort', entityId: cohort.id, action: 'create', before: null, after: cohort });
  const result = await services.onboarding.batch<CohortDocument>(caller.tenantId, [{ kind: 'create', document: cohort }], [audit]);
  // A conflict is this very create re-run after a crash (a derived id): answer the cohort it wrote.
  const saved = result.status === 'ok' ? { ...cohort, ...result.documents[0]! } : result.status === 'conflict' ? await services.onboarding.getCohort(caller.tenantId, cohort.id) : undefined;
  if (!saved) throw new Error(`cohort create failed: ${result.status}`);
  return cohortResponse(services, caller.tenantId, saved, 201);
});
