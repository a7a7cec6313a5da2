/**
 * GET /api/signup/groups?search= — the organisation's Microsoft 365 groups and teams (Graph, app-only),
 * to choose which become app teams. Needs the admin's consent first (409 consent_missing).
 */
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { json } from '../http/respond.js';
import { SIGNUP_LIMITS, type SignupGroups } from '../shared/contracts.js';
import { graphProblem, signupGate } from './signup-support.js';

export const signupGroups = authenticatedHandler(async ({ request, caller, services }) => {
  const gate = await signupGate(services, request, caller, false);
  if (!gate.ok) return gate.response;
  const search = (request.query.get('search') ?? '').trim();
  if (search.length > SIGNUP_LIMITS.groupSearch) return problems.validation([{ path: 'search', message: `Keep the search under ${SIGNUP_LIMITS.groupSearch} characters` }]);
  const listed = await services.m365Groups.listGroups(caller.tenantId, { ...(search ? { search } : {}), max: 200 });
  if (!listed.ok) return graphProblem(listed);
  const body: SignupGroups = { groups: listed.groups, truncated: listed.truncated };
  return json(200, body);
}, { admitsTenantsNotOnboarded: true });
