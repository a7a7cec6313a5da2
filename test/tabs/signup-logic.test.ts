/**
 * The first run's pure rules: where a resumed wizard picks up, which problems become "ask your
 * admin" or an operator's refusal, and the consent pages' checks (where consent-start may send the
 * authentication window, what Entra's redirect to consent-complete means).
 */
import type { SignupDraft } from '@contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../tabs/src/app/api-client';
import { consentOutcome, consentTarget } from '../../tabs/src/consent/consent-pages';
import { stateFromError } from '../../tabs/src/features/signup/hooks/use-signup';
import { firstOpenStep, stepDone } from '../../tabs/src/features/signup/wizard-steps';

const TENANT = '7e0a0000-0000-4000-8000-00000000000e';
const draft = (changes: Partial<SignupDraft> = {}): SignupDraft => ({
  tenantId: TENANT, etag: 'e', startedBy: { id: 'u', displayName: 'Olivia' }, startedAt: '', updatedAt: '',
  consent: { state: 'not_checked', missing: [], checkedAt: null }, companyName: null, statement: null, strategies: [], teams: [], finishedAt: null, ...changes,
});
const problem = (status: number, code: string, detail: string) => new ApiError('http', detail, { status, problem: { type: '', title: 'Title', status, code, detail } });

describe('resuming the wizard', () => {
  it('picks up at the first step not done', () => {
    expect(firstOpenStep(draft())).toBe(0);
    const granted = { consent: { state: 'granted' as const, missing: [], checkedAt: 'x' } };
    expect(firstOpenStep(draft(granted))).toBe(1);
    expect(firstOpenStep(draft({ ...granted, companyName: 'N' }))).toBe(2);
    expect(firstOpenStep(draft({ ...granted, companyName: 'N', statement: { vision: 'V', mission: '', values: [], differentiator: '' } }))).toBe(3);
    const all = draft({ ...granted, companyName: 'N', statement: { vision: 'V', mission: '', values: [], differentiator: '' }, strategies: [{ id: 's', title: 'S', why: '', customerImpact: '', measures: [] }] });
    expect(firstOpenStep(all)).toBe(4);
    expect(stepDone('teams', all)).toBe(false);
    expect(stepDone('strategies', all)).toBe(true);
  });
});

describe('what the first-run page shows for a refusal', () => {
  it('"ask your admin" for tenant_not_set_up, the operator\'s words for a closed sign-up, an error otherwise', () => {
    expect(stateFromError(problem(403, 'tenant_not_set_up', 'Ask a Global Administrator'))).toEqual({ kind: 'ask-admin', detail: 'Ask a Global Administrator' });
    expect(stateFromError(problem(403, 'signup_closed', 'Not taking new organisations'))).toMatchObject({ kind: 'refused', detail: 'Not taking new organisations' });
    expect(stateFromError(problem(500, 'internal_error', 'Oops'))).toMatchObject({ kind: 'error' });
  });
});

describe('the consent pages', () => {
  const entra = `https://login.microsoftonline.com/${TENANT}/v2.0/adminconsent?client_id=c&state=s`;
  it('consent-start goes only to an Entra admin-consent page (a loopback one only from a loopback page)', () => {
    expect(consentTarget(entra, 'https://tab.example/tab/consent-start.html')?.href).toBe(entra);
    expect(consentTarget('https://evil.example/x', 'https://tab.example/tab/consent-start.html')).toBeUndefined();
    expect(consentTarget(`https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`, 'https://tab.example/')).toBeUndefined();
    const local = `http://127.0.0.1:4000/${TENANT}/v2.0/adminconsent?client_id=c`;
    expect(consentTarget(local, 'http://localhost:7071/tab/consent-start.html')?.href).toBe(local);
    expect(consentTarget(local, 'https://tab.example/tab/consent-start.html')).toBeUndefined();
    expect(consentTarget(null, 'https://tab.example/')).toBeUndefined();
  });

  it('consent-complete reports a grant with its state, and a refusal in words', () => {
    expect(consentOutcome(`?admin_consent=True&tenant=${TENANT}&state=abc`)).toEqual({ ok: true, result: JSON.stringify({ state: 'abc', tenant: TENANT }) });
    expect(consentOutcome('?error=access_denied&state=abc')).toEqual({ ok: false, reason: 'The permissions were not granted.' });
    expect(consentOutcome('?error=server_error&error_description=AADSTS50020')).toEqual({ ok: false, reason: 'AADSTS50020' });
  });
});
