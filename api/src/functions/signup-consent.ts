/**
 * POST /api/signup/consent-link — the admin-consent URL for the caller's tenant, with a fresh `state`
 * kept on the draft; `redirectUri` must be the tab's consent-complete page (SIGNUP_CONSENT_REDIRECT_URI,
 * a reply URL of the app registration; locally any page on this machine).
 * POST /api/signup/consent-check — asks Entra for the app's token in the tenant: no token yet
 * (AADSTS7000229) is "not consented", a token lacking permissions names them; the result is kept on the draft.
 */
import { randomBytes } from 'node:crypto';
import { auditDocument } from '../data/audit.js';
import { acceptableRedirect, adminConsentUrl } from '../domain/signup-consent.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem, problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { consentLinkRequestSchema, type ConsentCheck, type ConsentLink } from '../shared/contracts.js';
import { draftFields, draftNotStarted, graphProblem, signupGate, staleDraft, toDraftView } from './signup-support.js';

const beforeOnboarding = { admitsTenantsNotOnboarded: true } as const;

export const signupConsentLink = authenticatedHandler(async ({ request, caller, services }) => {
  const gate = await signupGate(services, request, caller, true);
  if (!gate.ok) return gate.response;
  const body = await parseJsonBody(request, consentLinkRequestSchema);
  if (!body.ok) return body.response;
  const { clientId, authority, consentRedirectUri } = services.signupSettings;
  if (!clientId) return graphProblem({ ok: false, reason: 'not_configured', detail: 'Microsoft Graph is not configured (GRAPH_CLIENT_ID).' });
  if (!acceptableRedirect(body.value.redirectUri, consentRedirectUri)) {
    return problems.validation([{ path: 'redirectUri', message: 'Not the consent page this app is registered with' }]);
  }
  const stored = await services.signup.get(caller.tenantId);
  if (!stored || stored.finishedAt) return draftNotStarted();
  const state = randomBytes(16).toString('base64url');
  const result = await services.signup.replace({ ...draftFields(stored), consentLinkState: state }, stored._etag);
  if (result.status !== 'ok') return staleDraft(result.status === 'stale' ? result.current : undefined);
  const link: ConsentLink = { url: adminConsentUrl({ authority, tenantId: caller.tenantId, clientId, redirectUri: body.value.redirectUri, state }), state };
  return json(200, link);
}, beforeOnboarding);

export const signupConsentCheck = authenticatedHandler(async ({ request, caller, services }) => {
  const gate = await signupGate(services, request, caller, true);
  if (!gate.ok) return gate.response;
  const stored = await services.signup.get(caller.tenantId);
  if (!stored || stored.finishedAt) return draftNotStarted();
  const checked = await services.appConsent.check(caller.tenantId);
  if (!checked.ok) return graphProblem(checked);
  const consent = { state: checked.state, missing: checked.missing, checkedAt: services.now().toISOString() };
  const next = { ...draftFields(stored), consent, updatedAt: consent.checkedAt };
  const changed = stored.consent.state !== consent.state || stored.consent.missing.join() !== consent.missing.join();
  const audits = changed ? [auditDocument({ tenantId: caller.tenantId, entityType: 'signup', entityId: next.id, action: 'update', actor: gate.signer.actor, before: { consent: stored.consent }, after: { consent }, at: services.now(), note: `Admin consent: ${consent.state}` })] : [];
  // The check itself is the news: a draft changed meanwhile is read again once, then the answer still stands.
  let result = await services.signup.replace(next, stored._etag, audits);
  if (result.status === 'stale' && result.current) result = await services.signup.replace({ ...draftFields(result.current), consent }, result.current._etag, audits);
  if (result.status !== 'ok') return problem(409, 'signup_busy', 'The sign-up is changing; check again', { headers: { 'Retry-After': '1' } });
  const body: ConsentCheck = { consent, draft: toDraftView(result.draft) };
  return json(200, body, { ETag: result.draft._etag });
}, beforeOnboarding);
