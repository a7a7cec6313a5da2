/**
 * POST /api/signup/finish (If-Match: the draft's etag) — the tenant is onboarded. Checks the draft is
 * complete and, live, that the admin consented; then writes, each step in one transactional batch of
 * the tenant's partition with its audit entries:
 *   1. the draft marked finished, the app teams (linked to their groups), the signer as an Admin person;
 *   2. the organisation and the first strategies;
 *   3. last, the tenant document: until it exists nobody else is let in.
 * A finish interrupted after step 1 resumes from step 2 when repeated (ids are fixed by the draft).
 */
import type { HttpResponseInit } from '@azure/functions';
import { auditDocument } from '../data/audit.js';
import type { DirectoryDocument } from '../data/documents.js';
import type { DocumentWrite } from '../data/audited-batch.js';
import type { StoredSignupDraft } from '../data/signup-repository.js';
import { finishDocuments, missingForFinish, signerPerson } from '../domain/signup-finish.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem } from '../http/problem.js';
import { json } from '../http/respond.js';
import { ifMatchOf } from '../http/route-params.js';
import type { Services } from '../services.js';
import { SIGNUP_PROBLEM_CODES, type SignupFinished } from '../shared/contracts.js';
import { draftFields, draftNotStarted, graphProblem, signupGate, staleDraft, type SignupCaller } from './signup-support.js';

export const signupFinish = authenticatedHandler(async ({ request, caller, services }) => {
  const gate = await signupGate(services, request, caller, true);
  if (!gate.ok) return gate.response;
  const ifMatch = ifMatchOf(request, 'sign-up');
  if (!ifMatch.ok) return ifMatch.response;
  const stored = await services.signup.get(caller.tenantId);
  if (!stored) return draftNotStarted();
  if (stored.finishedAt) return writeMapAndTenant(services, stored, gate.signer);
  if (stored._etag !== ifMatch.value) return staleDraft(stored);

  const missing = missingForFinish(stored);
  if (missing.length > 0) {
    return problem(409, SIGNUP_PROBLEM_CODES.incomplete, 'The sign-up is not complete yet', { detail: missing.map((m) => m.message).join('; '), errors: missing });
  }
  const consent = await services.appConsent.check(caller.tenantId);
  if (!consent.ok) return graphProblem(consent);
  if (consent.state !== 'granted') {
    return problem(409, SIGNUP_PROBLEM_CODES.consentMissing, 'Grant Line of Sight its permissions first', {
      detail: consent.state === 'not_consented' ? 'An administrator has not granted the app\'s permissions in your organisation yet.' : `Still missing: ${consent.missing.join(', ')}.`,
    });
  }

  const at = services.now();
  const finished = { ...draftFields(stored), finishedAt: at.toISOString(), updatedAt: at.toISOString(), consent: { state: 'granted' as const, missing: [], checkedAt: at.toISOString() } };
  const { teams } = finishDocuments(finished, at);
  const existingPerson = await services.signup.getPerson(caller.tenantId, caller.userId);
  const person = signerPerson(caller.tenantId, { userId: caller.userId, displayName: gate.signer.actor.displayName }, existingPerson);
  const actor = gate.signer.actor;
  const writes: DocumentWrite<DirectoryDocument>[] = [
    ...teams.map((team) => ({ kind: 'create' as const, document: team })),
    existingPerson ? { kind: 'replace', document: person, ifMatch: existingPerson._etag } : { kind: 'create', document: person },
  ];
  const audits = [
    auditDocument({ tenantId: caller.tenantId, entityType: 'signup', entityId: finished.id, action: 'update', actor, before: stored, after: finished, at, note: `Sign-up finished (${gate.signer.authority})` }),
    ...teams.map((team) => auditDocument({ tenantId: caller.tenantId, entityType: 'team', entityId: team.id, action: 'create', actor, after: team, at, note: 'Linked to a Microsoft 365 group at sign-up' })),
    auditDocument({ tenantId: caller.tenantId, entityType: 'roleGrant', entityId: person.id, action: 'grant', actor, before: existingPerson ?? null, after: person, at, note: 'Admin: signed the organisation up' }),
  ];
  const result = await services.signup.finish(finished, ifMatch.value, writes, audits);
  if (result.status === 'conflict') return problem(409, 'signup_conflict', 'A team for one of these groups exists already', { detail: 'Load the sign-up again and choose the groups anew.' });
  if (result.status !== 'ok') return staleDraft(result.current);
  return writeMapAndTenant(services, result.draft, gate.signer);
}, { admitsTenantsNotOnboarded: true });

async function writeMapAndTenant(services: Services, draft: StoredSignupDraft, signer: SignupCaller): Promise<HttpResponseInit> {
  const at = new Date(draft.finishedAt ?? services.now().toISOString());
  const { organisation, strategies, tenant } = finishDocuments(draft, at);
  const actor = signer.actor;
  const writes = [organisation, ...strategies].map((document) => ({ kind: 'create' as const, document }));
  const audits = [organisation, ...strategies].map((document) =>
    auditDocument({ tenantId: draft.tenantId, entityType: document.type, entityId: document.id, action: 'create', actor, after: document, at, note: 'Written at sign-up' }),
  );
  const result = await services.strategyEditing.commit(draft.tenantId, writes, audits);
  // conflict: a finish interrupted after this step wrote them already (same ids); nothing is written twice.
  if (result.status !== 'ok' && result.status !== 'conflict') throw new Error(`Writing the strategy map at sign-up failed: ${result.status}`);
  await services.tenants.upsert(tenant);
  // People and the chosen teams' members arrive now rather than at the next timer run (which picks
  // up whatever this run leaves, e.g. when the instance stops); the answer does not wait for it.
  services.directorySync.runTenant(tenant.tenantId).catch((error: unknown) => console.warn(`Directory sync after sign-up of ${tenant.tenantId} failed: ${(error as Error).message}`));
  const body: SignupFinished = { tenantId: tenant.tenantId, name: tenant.name, onboardedAt: tenant.onboardedAt, strategies: strategies.length, teams: draft.teams.length };
  return json(201, body, { Location: '/api/me/line-of-sight' });
}
