/**
 * GET /api/groups?q=&limit= (Leader/Admin) — Microsoft 365 groups and teams whose name matches `q`
 * (Graph `/groups?$search`, app-only, as sign-up uses), so a leader links a team or fills a cohort by
 * picking a group by name instead of pasting its Object ID. Graph pages are not resumable by us: no
 * cursor; `truncated` says more matched than `limit` (narrow the search).
 */
import { requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { parseListQuery } from '../http/list-query.js';
import { problems } from '../http/problem.js';
import { json } from '../http/respond.js';
import type { GroupSearch } from '../shared/contracts.js';
import { graphProblem } from './signup-support.js';

export const groupsSearch = authenticatedHandler(async ({ request, caller, services }) => {
  await requireLeader(services, caller);
  const query = parseListQuery(request);
  if (!query.ok) return query.response;
  if (query.value.after) return problems.validation([{ path: 'cursor', message: 'Groups are not paged: narrow the search instead' }]);
  const search = request.query.get('q')?.trim() ?? '';
  const listed = await services.m365Groups.listGroups(caller.tenantId, { ...(search ? { search } : {}), max: query.value.limit });
  if (!listed.ok) return graphProblem(listed);
  const body: GroupSearch = { groups: listed.groups.map(({ id, displayName, isTeam }) => ({ id, displayName, isTeam })), truncated: listed.truncated };
  return json(200, body);
});
