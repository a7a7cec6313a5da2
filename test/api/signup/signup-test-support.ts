/**
 * What the sign-up API tests share: a local stack whose Graph settings point at a fake Microsoft 365
 * holding a few tenants that have NOT onboarded (each test takes its own), dev tokens carrying `wids`
 * minted by the running API's own dev issuer, the TENANT_SIGNUP policy set per test, and a read-only
 * view of what was written.
 */
import { GLOBAL_ADMINISTRATOR_ROLE, TEAMS_ADMINISTRATOR_ROLE } from '../../../api/src/auth/directory-roles.js';
import { createFakeDirectory, type FakeTenantInit } from '../../../api/src/local/fake-m365/directory.js';
import { startFakeGraph, type FakeGraph } from '../../../api/src/local/fake-m365/fake-graph.js';
import { getServices, resetServices } from '../../../api/src/services.js';
import type { Role } from '../../../api/src/shared/contracts.js';
import { startApiTestStack, type ApiResponse, type ApiTestStack } from '../support/api-test-stack.js';

export const CONSENT_PAGE = 'http://localhost:9/tab/consent-complete.html';

const hex = (n: number) => n.toString(16).padStart(2, '0');
export const tenantId = (n: number) => `5196a000-0000-4000-8000-0000000000${hex(n)}`;
const userId = (n: number, person: number) => `5196b0${hex(n)}-0000-4000-8000-0000000000${hex(person)}`;
const groupId = (n: number, group: number) => `5196c0${hex(n)}-0000-4000-8000-0000000000${hex(group)}`;

export interface SignupPerson {
  tenantId: string;
  userId: string;
  displayName: string;
  roles: Role[];
  wids?: string[];
}

export interface SignupTenant {
  id: string;
  globalAdmin: SignupPerson;
  teamsAdmin: SignupPerson;
  appAdmin: SignupPerson;
  employee: SignupPerson;
  groups: { sales: string; warehouse: string; everyone: string; vpn: string };
}

/** Tenant `n`: not consented, four people, two teams, one Microsoft 365 group that is not a team, one security group. */
export function signupTenant(n: number): { init: FakeTenantInit; tenant: SignupTenant } {
  const id = tenantId(n);
  const person = (index: number, displayName: string, roles: Role[], wids?: string[]): SignupPerson => ({ tenantId: id, userId: userId(n, index), displayName, roles, ...(wids ? { wids } : {}) });
  const tenant: SignupTenant = {
    id,
    globalAdmin: person(1, 'Gloria Admin', ['Employee'], [GLOBAL_ADMINISTRATOR_ROLE]),
    teamsAdmin: person(2, 'Tomas Teams', ['Employee'], [TEAMS_ADMINISTRATOR_ROLE]),
    appAdmin: person(3, 'Ada AppAdmin', ['Employee', 'Admin']),
    employee: person(4, 'Eli Employee', ['Employee']),
    groups: { sales: groupId(n, 1), warehouse: groupId(n, 2), everyone: groupId(n, 3), vpn: groupId(n, 4) },
  };
  const users = [tenant.globalAdmin, tenant.teamsAdmin, tenant.appAdmin, tenant.employee].map((p) => ({ id: p.userId, displayName: p.displayName, userPrincipalName: `${p.userId}@tenant${n}.example`, ...(p.wids ? { wids: p.wids } : {}) }));
  const member = (p: SignupPerson) => ({ id: p.userId, userPrincipalName: `${p.userId}@tenant${n}.example` });
  return {
    tenant,
    init: {
      id,
      displayName: `Tenant ${n}`,
      consented: false,
      users,
      groups: {
        [tenant.groups.sales]: { displayName: 'Sales', isTeam: true, members: [member(tenant.employee)] },
        [tenant.groups.warehouse]: { displayName: 'Warehouse', isTeam: true, members: [member(tenant.teamsAdmin)] },
        [tenant.groups.everyone]: { displayName: 'Everyone', members: [{ groupId: tenant.groups.sales }] },
        [tenant.groups.vpn]: { displayName: 'VPN users', groupTypes: [], members: [] },
      },
    },
  };
}

export interface SignupTestStack {
  api: ApiTestStack;
  graph: FakeGraph;
  /** Sets TENANT_SIGNUP / ALLOWED_TENANT_IDS and rebuilds the API's services so they read them. */
  policy(mode: 'open' | 'allow-list' | 'closed' | undefined, allowed?: string[]): void;
  call<T = Record<string, unknown>>(who: SignupPerson, method: string, path: string, init?: { json?: unknown; body?: string; headers?: Record<string, string> }): Promise<ApiResponse<T>>;
  /** What the admin-consent page does when the admin accepts (or cancels): the redirect it answers. */
  consent(url: string, decision: 'accept' | 'cancel'): Promise<URL>;
  close(): Promise<void>;
}

export async function startSignupTestStack(tenants: FakeTenantInit[]): Promise<SignupTestStack> {
  const graph = await startFakeGraph({ directory: createFakeDirectory(tenants), refuseUndeclaredTenants: true, groupPageSize: 2 });
  Object.assign(process.env, { GRAPH_CLIENT_ID: graph.clientId, GRAPH_BASE_URL: graph.baseUrl, GRAPH_TENANT_AUTHORITY: graph.authority, GRAPH_CLIENT_ASSERTION: 'signup-test-assertion', TENANT_SIGNUP: 'open' });
  delete process.env.ALLOWED_TENANT_IDS;
  delete process.env.SIGNUP_CONSENT_REDIRECT_URI;
  const api = await startApiTestStack({ rateLimits: { personExpensive: 1000, authFailuresPerAddress: 10_000 } });
  return {
    api,
    graph,
    policy(mode, allowed) {
      if (mode === undefined) delete process.env.TENANT_SIGNUP;
      else process.env.TENANT_SIGNUP = mode;
      if (allowed) process.env.ALLOWED_TENANT_IDS = allowed.join(',');
      else delete process.env.ALLOWED_TENANT_IDS;
      resetServices();
    },
    async call(who, method, path, init = {}) {
      // Minted by the running API's own dev issuer (services rebuilt by policy() get a new key).
      const token = await getServices().auth.devTokenIssuer!.issueDevToken({ tenantId: who.tenantId, userId: who.userId, roles: who.roles, displayName: who.displayName, ...(who.wids ? { wids: who.wids } : {}) });
      return api.request(method, path, { token, ...init });
    },
    async consent(url, decision) {
      const page = new URL(url);
      const form = new URLSearchParams({ client_id: page.searchParams.get('client_id') ?? '', redirect_uri: page.searchParams.get('redirect_uri') ?? '', state: page.searchParams.get('state') ?? '', decision });
      const response = await fetch(page.origin + page.pathname, { method: 'POST', body: form, redirect: 'manual' });
      if (response.status !== 302) throw new Error(`The consent page answered ${response.status}`);
      return new URL(response.headers.get('location') ?? '');
    },
    async close() {
      await api.close();
      await graph.close();
      for (const name of ['GRAPH_CLIENT_ID', 'GRAPH_BASE_URL', 'GRAPH_TENANT_AUTHORITY', 'GRAPH_CLIENT_ASSERTION', 'TENANT_SIGNUP', 'ALLOWED_TENANT_IDS']) delete process.env[name];
    },
  };
}
