import type { HttpResponseInit } from '@azure/functions';
import type { GroupMember } from '../data/entra-group-members.js';
import { requireLeader, type AuthorisedCaller } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem, problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';
import { importGroupSchema, ONBOARDING_LIMITS, type MemberImportPreview } from '../shared/contracts.js';
import type { Services } from '../services.js';
import { membersResponse } from './cohorts-members.js';
import { addMembers } from './onboarding-members.js';

const graphUnavailable = (detail: string) => problem(503, 'graph_unavailable', 'Could not read the group from Microsoft Graph', { detail });

/**
 * The app reads any group with its own permission, so it checks for the caller: an Admin may import
 * any group, anyone else only a group they belong to (transitively: `members` is already the
 * transitive list) or own (asked of Graph only when they are not a member). undefined = allowed.
 */
async function refuseForeignGroup(services: Services, authorised: AuthorisedCaller, groupId: string, members: readonly GroupMember[]): Promise<HttpResponseInit | undefined> {
  const { tenantId, userId } = authorised.caller;
  if (authorised.isAdmin || members.some((member) => member.id === userId)) return undefined;
  const owner = await services.entraGroups.isOwner(tenantId, groupId, userId);
  if (!owner.ok) return graphUnavailable(owner.detail);
  if (owner.isOwner) return undefined;
  return problem(403, 'group_not_yours', 'You can only import a group you belong to or own', {
    detail: 'Pick a group you are a member or an owner of, or ask an Admin to import this one.',
  });
}

/**
 * POST /api/cohorts/{id}/members/from-group {groupId, dryRun?} — the group's members (transitive, users
 * only) read through Microsoft Graph. Rows are matched to the tenant's people by Entra object id; people
 * Line of Sight does not know yet are listed as errors and skipped. Answers the same preview as CSV import.
 * Leaders import only groups they belong to or own (403 group_not_yours, even for a preview); Admins any.
 */
export const cohortsMembersFromGroup = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const authorised = await requireLeader(services, caller);
  const cohort = await services.onboarding.getCohort(caller.tenantId, id.value);
  if (!cohort) return problems.notFound();
  const body = await parseJsonBody(request, importGroupSchema);
  if (!body.ok) return body.response;

  const result = await services.entraGroups.transitiveUsers(caller.tenantId, body.value.groupId, ONBOARDING_LIMITS.cohortMembers);
  if (!result.ok) {
    if (result.reason === 'not_found' || result.reason === 'too_many') return problems.validation([{ path: 'groupId', message: result.detail }]);
    return graphUnavailable(result.detail);
  }
  const refusal = await refuseForeignGroup(services, authorised, body.value.groupId, result.members);
  if (refusal) return refusal;
  const people = new Map((await services.directory.listPeopleByIds(caller.tenantId, result.members.map((member) => member.id))).map((person) => [person.id, person]));
  const members = new Set(cohort.memberIds);
  const toAdd: string[] = [];
  const rows: MemberImportPreview['rows'] = result.members.map((member, index) => {
    const value = member.userPrincipalName ?? member.id;
    const person = people.get(member.id);
    if (!person) return { row: index + 1, value, status: 'error', error: 'Not in Line of Sight yet (no directory entry for this person)' };
    const found = { userId: person.id, displayName: person.displayName };
    if (members.has(person.id)) return { row: index + 1, value, status: 'already_member', ...found };
    toAdd.push(person.id);
    return { row: index + 1, value, status: 'add', ...found };
  });
  const preview: MemberImportPreview = { dryRun: body.value.dryRun, rows, toAdd: toAdd.length, errors: rows.filter((row) => row.status === 'error').length };
  if (body.value.dryRun || toAdd.length === 0) return json(200, preview);
  const applied = await membersResponse(services, caller.tenantId, await addMembers(services, authorised, id.value, toAdd, { action: 'import', source: `Entra group ${body.value.groupId}` }));
  if (applied.status !== 200) return applied;
  return json(200, { ...preview, cohort: JSON.parse(String(applied.body)) });
});
