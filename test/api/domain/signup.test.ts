/**
 * Sign-up's pure rules, on worked examples: who may sign up, the operator's TENANT_SIGNUP policy,
 * the admin-consent URL and redirect check, importing an export into a draft; and the consent check
 * against the fake Entra ID when only some permissions were granted.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createAppConsentChecker } from '../../../api/src/data/app-consent.js';
import { GLOBAL_ADMINISTRATOR_ROLE, TEAMS_ADMINISTRATOR_ROLE } from '../../../api/src/auth/directory-roles.js';
import { acceptableRedirect, adminConsentUrl } from '../../../api/src/domain/signup-consent.js';
import { applyImportToDraft, draftAsMap, rowsForDraft } from '../../../api/src/domain/signup-draft-import.js';
import { operatorRefusal, signupAuthority, SignupConfigError, tenantSignupPolicyFromEnv } from '../../../api/src/domain/signup-policy.js';
import { previewImport } from '../../../api/src/domain/strategy-map-import.js';
import { createFakeDirectory } from '../../../api/src/local/fake-m365/directory.js';
import { startFakeGraph, type FakeGraph } from '../../../api/src/local/fake-m365/fake-graph.js';
import { clientCredentialsTokenSource } from '../../../api/src/notifications/graph-token.js';

const TENANT = '7e5a0000-0000-4000-8000-000000000001';

describe('who may sign up', () => {
  it('the Admin app role, or a Global or Teams Administrator directory role; nobody else', () => {
    expect(signupAuthority({ roles: ['Employee', 'Admin'] })).toBe('Line of Sight Admin role');
    expect(signupAuthority({ roles: ['Employee'], directoryRoleIds: [GLOBAL_ADMINISTRATOR_ROLE.toUpperCase()] })).toBe('Global Administrator');
    expect(signupAuthority({ roles: ['Employee'], directoryRoleIds: ['fe930be7-5e62-47db-91af-98c3a49a38b1', TEAMS_ADMINISTRATOR_ROLE] })).toBe('Teams Administrator');
    expect(signupAuthority({ roles: ['Employee', 'Leader'], directoryRoleIds: ['fe930be7-5e62-47db-91af-98c3a49a38b1'] })).toBeUndefined();
  });
});

describe("the operator's TENANT_SIGNUP", () => {
  it('defaults to an allow-list that names nobody, and reads the listed ids', () => {
    const unset = tenantSignupPolicyFromEnv({});
    expect(unset.mode).toBe('allow-list');
    expect(operatorRefusal(unset, TENANT)?.code).toBe('tenant_not_allowed');
    const listed = tenantSignupPolicyFromEnv({ TENANT_SIGNUP: 'allow-list', ALLOWED_TENANT_IDS: ` ${TENANT.toUpperCase()}, 7e5a0000-0000-4000-8000-000000000002` });
    expect(operatorRefusal(listed, TENANT)).toBeUndefined();
    expect(operatorRefusal(tenantSignupPolicyFromEnv({ TENANT_SIGNUP: 'open' }), TENANT)).toBeUndefined();
    expect(operatorRefusal(tenantSignupPolicyFromEnv({ TENANT_SIGNUP: 'closed', ALLOWED_TENANT_IDS: TENANT }), TENANT)?.code).toBe('signup_closed');
  });

  it('refuses to guess: an unknown mode or a malformed id stops start-up', () => {
    expect(() => tenantSignupPolicyFromEnv({ TENANT_SIGNUP: 'yes' })).toThrow(SignupConfigError);
    expect(() => tenantSignupPolicyFromEnv({ TENANT_SIGNUP: 'allow-list', ALLOWED_TENANT_IDS: 'contoso.com' })).toThrow(/contoso\.com/);
  });
});

describe('admin consent', () => {
  it('builds the v2 admin-consent URL for the tenant with the .default scope', () => {
    const url = new URL(adminConsentUrl({ authority: 'https://login.microsoftonline.com/', tenantId: TENANT, clientId: 'c1', redirectUri: 'https://tab.example/consent-complete.html', state: 's&1' }));
    expect(`${url.origin}${url.pathname}`).toBe(`https://login.microsoftonline.com/${TENANT}/v2.0/adminconsent`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: 'c1', scope: 'https://graph.microsoft.com/.default', redirect_uri: 'https://tab.example/consent-complete.html', state: 's&1' });
  });

  it('sends the admin back only to the registered page (or, unconfigured, to this machine)', () => {
    expect(acceptableRedirect('https://tab.example/consent-complete.html', 'https://tab.example/consent-complete.html')).toBe(true);
    expect(acceptableRedirect('https://tab.example/other.html', 'https://tab.example/consent-complete.html')).toBe(false);
    expect(acceptableRedirect('http://localhost:7071/tab/consent-complete.html', undefined)).toBe(true);
    expect(acceptableRedirect('https://evil.example/', undefined)).toBe(false);
    expect(acceptableRedirect('http://user:pw@localhost/', undefined)).toBe(false);
  });

  let graph: FakeGraph | undefined;
  afterAll(async () => graph?.close());
  it('names the permissions a partial consent left out, read from the token\'s roles', async () => {
    graph = await startFakeGraph({ directory: createFakeDirectory([{ id: TENANT, displayName: 'Partial', consented: true }]), consentedRoles: ['TeamsActivity.Send'] });
    const source = clientCredentialsTokenSource({ authority: graph.authority, clientId: graph.clientId, clientAssertion: async () => 'a' });
    const checker = createAppConsentChecker(source, ['TeamsActivity.Send', 'GroupMember.Read.All']);
    expect(await checker.check(TENANT)).toMatchObject({ ok: true, state: 'missing_permissions', missing: ['GroupMember.Read.All'] });
    graph.directory.revokeConsent(TENANT);
    expect(await checker.check(TENANT)).toMatchObject({ ok: true, state: 'not_consented' });
    expect(await createAppConsentChecker(undefined, []).check(TENANT)).toMatchObject({ ok: false, reason: 'not_configured' });
  });
});

describe('importing an export into a draft', () => {
  it('ignores owners and unknown ids, updates strategies the draft has, and drops those the file leaves out', () => {
    const draft = { companyName: 'Old', statement: { vision: 'V', mission: '', values: [], differentiator: '' }, strategies: [{ id: 'keep', title: 'Keep me', why: '', customerImpact: '', measures: [] }, { id: 'gone', title: 'Left out', why: '', customerImpact: '', measures: [] }] };
    const rows = {
      strategies: [
        { row: 1, value: { id: 'keep', title: 'Kept, renamed', order: 2 } },
        { row: 2, value: { id: 'from-elsewhere', title: 'New one', ownerId: 'someone-else', order: 1 } },
        { row: 3, value: { title: 'Archived elsewhere', status: 'archived' as const } },
      ],
      invalidRowIds: [],
    };
    const preview = previewImport(draftAsMap(draft), rowsForDraft(rows, draft));
    expect(preview.errors).toEqual([]);
    const next = applyImportToDraft(draft, preview.changes, () => 'new-id');
    expect(next).toEqual({ companyName: 'Old', statement: draft.statement, strategies: [{ id: 'new-id', title: 'New one', why: '', customerImpact: '', measures: [] }, { id: 'keep', title: 'Kept, renamed', why: '', customerImpact: '', measures: [] }] });
  });
});
