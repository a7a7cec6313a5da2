/**
 * GET /api/signup — where the sign-up stands (for someone who may sign up; 403 tenant_not_set_up for
 * anyone else, which the tab shows as "ask your admin").
 * POST /api/signup — start signing up: creates the tenant's draft (201), or answers the one there is (200).
 * PUT /api/signup (If-Match) — save sections of the wizard: company name, statement, first strategies,
 * the Microsoft 365 groups or teams that become app teams (checked against the organisation's groups).
 * Every route admits tenants that have not onboarded (and only these routes do).
 */
import { randomUUID } from 'node:crypto';
import { auditDocument } from '../data/audit.js';
import type { SignupDraftDocument } from '../data/documents.js';
import { SIGNUP_DRAFT_DOCUMENT_ID } from '../data/documents.js';
import { WHO_CAN_SIGN_UP } from '../domain/signup-policy.js';
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { ifMatchOf } from '../http/route-params.js';
import { GRAPH_PERMISSIONS } from '../shared/graph-permissions.js';
import { updateSignupSchema, type SignupStatus } from '../shared/contracts.js';
import { draftFields, draftNotStarted, graphProblem, signupGate, staleDraft, toDraftView } from './signup-support.js';

const beforeOnboarding = { admitsTenantsNotOnboarded: true } as const;

export const signupGet = authenticatedHandler(async ({ request, caller, services }) => {
  const gate = await signupGate(services, request, caller, false);
  if (!gate.ok) return gate.response;
  const draft = gate.onboarded ? undefined : await services.signup.get(caller.tenantId);
  const body: SignupStatus = {
    tenantId: caller.tenantId,
    onboarded: gate.onboarded,
    whoCanSignUp: WHO_CAN_SIGN_UP,
    permissions: Object.entries(GRAPH_PERMISSIONS).map(([name, permission]) => ({ name, why: permission.why })),
    draft: draft ? toDraftView(draft) : null,
  };
  return json(200, body, draft ? { ETag: draft._etag } : {});
}, beforeOnboarding);

export const signupStart = authenticatedHandler(async ({ request, caller, services }) => {
  const gate = await signupGate(services, request, caller, true);
  if (!gate.ok) return gate.response;
  const existing = await services.signup.get(caller.tenantId);
  if (existing) return json(200, toDraftView(existing), { ETag: existing._etag });
  const at = services.now().toISOString();
  const draft: SignupDraftDocument = {
    id: SIGNUP_DRAFT_DOCUMENT_ID,
    tenantId: caller.tenantId,
    type: 'signup',
    startedBy: gate.signer.actor,
    startedAt: at,
    updatedAt: at,
    consent: { state: 'not_checked', missing: [], checkedAt: null },
    consentLinkState: null,
    companyName: null,
    statement: null,
    strategies: [],
    teams: [],
    finishedAt: null,
  };
  const audit = auditDocument({ tenantId: caller.tenantId, entityType: 'signup', entityId: draft.id, action: 'create', actor: gate.signer.actor, after: draft, at: services.now(), note: `Sign-up started (${gate.signer.authority})` });
  const result = await services.signup.create(draft, audit);
  // Two admins starting at once: the second gets the draft the first created.
  const stored = result.status === 'ok' ? result.draft : await services.signup.get(caller.tenantId);
  if (!stored) throw new Error(`Creating the sign-up draft failed: ${result.status}`);
  return json(result.status === 'ok' ? 201 : 200, toDraftView(stored), { ETag: stored._etag, Location: '/api/signup' });
}, beforeOnboarding);

export const signupUpdate = authenticatedHandler(async ({ request, caller, services }) => {
  const gate = await signupGate(services, request, caller, true);
  if (!gate.ok) return gate.response;
  const ifMatch = ifMatchOf(request, 'sign-up');
  if (!ifMatch.ok) return ifMatch.response;
  const body = await parseJsonBody(request, updateSignupSchema);
  if (!body.ok) return body.response;
  const stored = await services.signup.get(caller.tenantId);
  if (!stored || stored.finishedAt) return draftNotStarted();
  if (stored._etag !== ifMatch.value) return staleDraft(stored);

  const next: SignupDraftDocument = { ...draftFields(stored), updatedAt: services.now().toISOString() };
  const { companyName, statement, strategies, teams } = body.value;
  if (companyName !== undefined) next.companyName = companyName;
  if (statement !== undefined) next.statement = statement;
  if (strategies !== undefined) {
    const known = new Set(stored.strategies.map((strategy) => strategy.id));
    next.strategies = strategies.map(({ id, ...fields }) => ({ id: id && known.has(id) ? id : randomUUID(), ...fields }));
  }
  if (teams !== undefined) {
    // Only the organisation's own Microsoft 365 groups: names and "is a team" come from Graph, not from the request.
    const listed = teams.length === 0 ? { ok: true as const, groups: [] } : await services.m365Groups.listGroups(caller.tenantId, { max: 5000 });
    if (!listed.ok) return graphProblem(listed);
    const byId = new Map(listed.groups.map((group) => [group.id.toLowerCase(), group]));
    const unknown = teams.flatMap((team, index) => (byId.has(team.groupId.toLowerCase()) ? [] : [{ path: `teams.${index}.groupId`, message: 'Not one of your organisation\'s Microsoft 365 groups' }]));
    if (unknown.length > 0) return problems.validation(unknown);
    next.teams = teams.map((team) => {
      const group = byId.get(team.groupId.toLowerCase())!;
      return { groupId: group.id, displayName: group.displayName, isTeam: group.isTeam };
    });
  }
  const audit = auditDocument({ tenantId: caller.tenantId, entityType: 'signup', entityId: next.id, action: 'update', actor: gate.signer.actor, before: stored, after: next, at: services.now() });
  const result = await services.signup.replace(next, ifMatch.value, [audit]);
  if (result.status !== 'ok') return staleDraft(result.status === 'stale' ? result.current : undefined);
  return json(200, toDraftView(result.draft), { ETag: result.draft._etag });
}, beforeOnboarding);
