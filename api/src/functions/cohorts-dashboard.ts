import type { HttpRequest } from '@azure/functions';
import type { Caller } from '../auth/verify-token.js';
import { isActivePerson } from '../domain/directory-people.js';
import { nameVisibilityFor } from '../domain/name-visibility.js';
import { behindOrderKey, buildDashboard, compareOrdinal, dashboardCsv } from '../domain/onboarding/dashboard.js';
import { requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { keysetPage, parseListQuery, type ListRequest } from '../http/list-query.js';
import { json } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';
import { API_SECURITY_HEADERS } from '../http/security-headers.js';
import { DASHBOARD_BEHIND_KEY, dashboardBehindSchema, idSchema, LIST_LIMITS, type Dashboard, type ModuleContent } from '../shared/contracts.js';
import type { Services } from '../services.js';
import { cohortModuleAssignments } from './onboarding-support.js';

type Loaded = { ok: true; dashboard: Dashboard } | { ok: false; response: ReturnType<typeof problems.notFound> };

async function loadDashboard(request: HttpRequest, caller: Caller, services: Services): Promise<Loaded> {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return { ok: false, response: id.response };
  const moduleId = idSchema.safeParse(request.query.get('moduleId') ?? '');
  if (!moduleId.success) return { ok: false, response: problems.validation([{ path: 'moduleId', message: 'Pick a module' }]) };
  const authorised = await requireLeader(services, caller);
  const { tenantId } = caller;
  const cohort = await services.onboarding.getCohort(tenantId, id.value);
  if (!cohort) return { ok: false, response: problems.notFound() };
  const assignments = await cohortModuleAssignments(services, tenantId, cohort, moduleId.data);
  if (assignments.length === 0 && !(await services.onboarding.getModule(tenantId, moduleId.data))) return { ok: false, response: problems.notFound() };
  const ids = assignments.map((assignment) => assignment.id);
  const [progress, outbox, people, versions] = await Promise.all([
    services.onboarding.listProgressForAssignments(tenantId, ids),
    Promise.all(ids.map((assignmentId) => services.outbox.listForAssignment(tenantId, assignmentId))).then((lists) => lists.flat()),
    services.directory.listPeopleByIds(tenantId, [...new Set(assignments.flatMap((assignment) => assignment.recipientIds))]),
    Promise.all([...new Set(assignments.map((assignment) => assignment.moduleVersionId))].map((versionId) => services.onboarding.getVersion(tenantId, versionId))),
  ]);
  // Disabled and removed people stop counting: the figures are about the cohort's active people.
  const inactive = new Set(people.filter((person) => !isActivePerson(person)).map((person) => person.id));
  const counted = inactive.size === 0 ? assignments : assignments.map((assignment) => ({ ...assignment, recipientIds: assignment.recipientIds.filter((userId) => !inactive.has(userId)) }));
  const contents = new Map<string, ModuleContent>(versions.flatMap((version) => (version ? [[version.id, version.content] as const] : [])));
  // Figures count the whole cohort; rows name only whom the caller may see (their team's people, or all for an Admin).
  const visibility = nameVisibilityFor({ userId: caller.userId, isAdmin: authorised.isAdmin, isLeader: authorised.isLeader, teamId: authorised.person?.teamId });
  return { ok: true, dashboard: buildDashboard({ cohort, moduleId: moduleId.data, contents, assignments: counted, progress, outbox, people, now: services.now(), visibility }) };
}

/**
 * GET /api/cohorts/{id}/dashboard?moduleId= — completion figures for one cohort × module; Leader/Admin
 * (rows: see loadDashboard). Never an unbounded list (issue 13): a page of the named people (the first
 * without q, limit, cursor) and the first page of the people behind with their count; `behind=true`
 * pages those behind instead.
 */
export const cohortsDashboardGet = authenticatedHandler(async ({ request, caller, services }) => {
  const behind = dashboardBehindSchema.safeParse(request.query.get(DASHBOARD_BEHIND_KEY) ?? undefined);
  if (!behind.success) return problems.validation([{ path: DASHBOARD_BEHIND_KEY, message: 'Use true or false' }]);
  // Without q, limit or cursor: the first page (the list's defaults), never the whole cohort by name.
  const query = parseListQuery(request);
  if (!query.ok) return query.response;
  const loaded = await loadDashboard(request, caller, services);
  if (!loaded.ok) return loaded.response;
  return json(200, pageOfPeople(loaded.dashboard, query.value, behind.data === 'true'));
});

/**
 * `?q=&limit=&cursor=`: the named rows (or, with `behind=true`, the named people behind) narrowed to
 * one page, and the first page of those behind; the figures still count the whole cohort. In memory:
 * the rows are derived from assignments and progress, which the figures read whole anyway.
 */
function pageOfPeople(whole: Dashboard, { q, limit, after }: ListRequest, behindOnly: boolean): Dashboard {
  const keyOf = behindOnly ? behindOrderKey : (person: DashboardPerson) => person.displayName;
  const matching = (behindOnly ? whole.peopleBehind : whole.people)
    .filter((person) => !q || person.displayName.toLowerCase().includes(q))
    .sort((a, b) => compareOrdinal(keyOf(a), keyOf(b)) || compareOrdinal(a.userId, b.userId))
    .filter((person) => !after || keyOf(person) > after.at || (keyOf(person) === after.at && person.userId > after.id));
  const page = keysetPage(matching, limit, (person) => ({ at: keyOf(person), id: person.userId }));
  return { ...whole, people: page.items, nextCursor: page.nextCursor, peopleBehind: whole.peopleBehind.slice(0, LIST_LIMITS.limit.default) };
}

type DashboardPerson = Dashboard['people'][number];

/** GET /api/cohorts/{id}/dashboard/export?moduleId= — the same figures per person, as CSV. */
export const cohortsDashboardExport = authenticatedHandler(async ({ request, caller, services }) => {
  const loaded = await loadDashboard(request, caller, services);
  if (!loaded.ok) return loaded.response;
  const name = `onboarding-${loaded.dashboard.cohortName}-${loaded.dashboard.moduleTitle}`.replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 80);
  return {
    status: 200,
    headers: { ...API_SECURITY_HEADERS, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` },
    body: dashboardCsv(loaded.dashboard),
  };
});
