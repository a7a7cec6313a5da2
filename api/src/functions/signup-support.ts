/**
 * What every sign-up handler does first, and the draft as the tab sees it. A sign-up route admits
 * tenants that have not onboarded (authenticatedHandler's explicit opt-in) and then decides here:
 * the person must be able to sign up (app role Admin, or Global / Teams Administrator in `wids`),
 * the operator's TENANT_SIGNUP policy must let the tenant sign up, and writes need a tenant that has
 * not finished already. Refusals of a write are audited in the tenant's partition.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { Caller } from '../auth/verify-token.js';
import { auditDocument, snapshotOf, type AuditActor } from '../data/audit.js';
import type { SignupDraftDocument } from '../data/documents.js';
import type { StoredSignupDraft } from '../data/signup-repository.js';
import type { GroupListFailure } from '../data/entra-groups.js';
import { operatorRefusal, signupAuthority, WHO_CAN_SIGN_UP } from '../domain/signup-policy.js';
import { problem } from '../http/problem.js';
import type { Services } from '../services.js';
import { SIGNUP_PROBLEM_CODES, type SignupDraft } from '../shared/contracts.js';

export interface SignupCaller {
  caller: Caller;
  actor: AuditActor;
  /** What lets them sign up, e.g. "Global Administrator". */
  authority: string;
}

export type Gate = { ok: true; signer: SignupCaller; onboarded: boolean } | { ok: false; response: HttpResponseInit };

export const notSetUp = () =>
  problem(403, SIGNUP_PROBLEM_CODES.notSetUp, 'Your organisation hasn\'t set up Line of Sight yet', {
    detail: `Ask ${WHO_CAN_SIGN_UP} to set it up; you can use it as soon as they have.`,
  });

/**
 * Lets a signer through, or answers why not. `write`: the request would change something, so a
 * refusal is audited and an onboarded tenant is refused (409).
 */
export async function signupGate(services: Services, request: HttpRequest, caller: Caller, write: boolean): Promise<Gate> {
  const actor: AuditActor = { id: caller.userId, displayName: caller.displayName ?? 'Someone' };
  const refuse = async (response: HttpResponseInit, code: string, note: string): Promise<Gate> => {
    if (write) {
      await services.signup.audit(
        auditDocument({ tenantId: caller.tenantId, entityType: 'signup', entityId: 'signup', action: 'refuse', actor, at: services.now(), note: `${code}: ${note} (${request.method} ${new URL(request.url).pathname})` }),
      );
    }
    return { ok: false, response };
  };
  const onboarded = await services.tenants.isOnboarded(caller.tenantId);
  const authority = signupAuthority(caller);
  if (!authority) {
    if (onboarded) return { ok: false, response: problem(403, 'forbidden', 'You are not allowed to do this', { detail: 'Your organisation is already set up.' }) };
    return refuse(notSetUp(), SIGNUP_PROBLEM_CODES.notSetUp, 'neither the Admin app role nor a Global or Teams Administrator role');
  }
  if (onboarded) {
    if (!write) return { ok: true, signer: { caller, actor, authority }, onboarded };
    return {
      ok: false,
      response: problem(409, SIGNUP_PROBLEM_CODES.alreadyOnboarded, 'Your organisation has already set up Line of Sight', { detail: 'Open Line of Sight again to use it.' }),
    };
  }
  const refusal = operatorRefusal(services.signupSettings.policy, caller.tenantId);
  if (refusal) return refuse(problem(403, refusal.code, refusal.title, { detail: refusal.detail }), refusal.code, `TENANT_SIGNUP=${services.signupSettings.policy.mode}`);
  return { ok: true, signer: { caller, actor, authority }, onboarded };
}

export function toDraftView(stored: StoredSignupDraft): SignupDraft {
  const { tenantId, startedBy, startedAt, updatedAt, consent, companyName, statement, strategies, teams, finishedAt } = stored;
  return { tenantId, etag: stored._etag, startedBy, startedAt, updatedAt, consent, companyName, statement, strategies, teams, finishedAt };
}

/** The stored draft without Cosmos system fields: the base of the next version. */
export function draftFields(stored: StoredSignupDraft): SignupDraftDocument {
  return snapshotOf(stored) as unknown as SignupDraftDocument;
}

export const draftNotStarted = () =>
  problem(409, SIGNUP_PROBLEM_CODES.notStarted, 'Sign-up has not started', { detail: 'Start signing your organisation up first (POST /api/signup).' });

export const staleDraft = (current: StoredSignupDraft | undefined) =>
  current
    ? problem(412, 'precondition_failed', 'The sign-up changed since you loaded it', { detail: 'Someone else changed the sign-up meanwhile. Review it and try again.', current: toDraftView(current), headers: { ETag: current._etag } })
    : draftNotStarted();

/** A Graph read that failed, as a problem an admin can act on. */
export function graphProblem(failure: GroupListFailure | { ok: false; reason: 'not_configured' | 'unavailable'; detail: string }): HttpResponseInit {
  switch (failure.reason) {
    case 'not_consented':
      return problem(409, SIGNUP_PROBLEM_CODES.consentMissing, 'Grant Line of Sight its permissions first', { detail: failure.detail });
    case 'forbidden':
      return problem(409, SIGNUP_PROBLEM_CODES.consentMissing, 'Line of Sight is missing a permission', { detail: failure.detail });
    case 'throttled':
      return problem(503, 'graph_throttled', 'Microsoft 365 asked us to slow down', { detail: failure.detail, headers: { 'Retry-After': String('retryAfterSeconds' in failure ? (failure.retryAfterSeconds ?? 5) : 5) } });
    case 'not_configured':
      return problem(503, 'graph_not_configured', 'Microsoft 365 is not connected', { detail: failure.detail });
    default:
      return problem(503, 'graph_unavailable', 'Microsoft 365 did not answer', { detail: failure.detail, headers: { 'Retry-After': '5' } });
  }
}
