/**
 * The Microsoft 365 side of a fake customer tenant, as the loopback fake Graph and Entra ID see it:
 * whether its admin consented to the app's application permissions, its users and groups (some of
 * them teams in Teams), its org app catalog and which users have the app installed. Every change to
 * users, groups or memberships is appended to the tenant's change log, from which the fake answers
 * delta queries (`/users/delta`, `/groups/delta`) as Graph does: "what changed since this link".
 *
 * Dev and test only: `npm start` holds the demo tenants and Northwind Traders in one of these, and
 * tests build their own.
 */
import { createFakeWork, type FakePlanInit, type FakeTodoListInit, type FakeWork } from './work.js';

/** Directory role template ids as they appear in a token's `wids` claim (the real ids live with the API's auth). */
export { GLOBAL_ADMINISTRATOR_ROLE, TEAMS_ADMINISTRATOR_ROLE } from '../../auth/directory-roles.js';

export interface FakeUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail?: string | null;
  department?: string | null;
  jobTitle?: string | null;
  /** Graph user.preferredLanguage: ISO 639-1 language and region, e.g. "de-DE"; null/absent when not set. */
  preferredLanguage?: string | null;
  /** The manager's user id. */
  managerId?: string | null;
  accountEnabled?: boolean;
  /** Directory roles (template ids) the user's tokens carry in `wids`. */
  wids?: string[];
  /** The app roles assigned to the user in the tenant (Enterprise applications → Users and groups). */
  appRoles?: ('Leader' | 'Admin')[];
}

/** A user, or another group whose users count as members (transitively). */
export type FakeGroupMember = { id: string; userPrincipalName: string } | { groupId: string };

export interface FakeGroup {
  members: FakeGroupMember[];
  /** User ids; owners are direct (Graph has no transitive owners). */
  owners?: string[];
  displayName?: string;
  /** A Microsoft 365 group with a team in Teams (`resourceProvisioningOptions` has "Team"). */
  isTeam?: boolean;
  /** Graph's groupTypes: ['Unified'] for a Microsoft 365 group (the default), [] for a security group. */
  groupTypes?: string[];
  description?: string;
}

export type FakeGroups = Record<string, FakeGroup>;

/** An app in the tenant's org catalog: `id` is the catalog's own id, `externalId` the manifest id. */
export interface FakeCatalogApp {
  id: string;
  externalId: string;
  displayName: string;
}

export interface FakeTenantInit {
  id: string;
  displayName: string;
  /** Whether an admin granted the app's application permissions (default false). */
  consented?: boolean;
  users?: FakeUser[];
  groups?: FakeGroups;
  catalog?: FakeCatalogApp[];
  /** Per user id, the catalog ids of the apps installed for them. */
  installedApps?: Record<string, string[]>;
  /** Users for whom the org's Teams app permission policy blocks the app (installing it is refused). */
  blockedByPolicy?: string[];
  /** Planner plans (tasks assigned to users) and To Do lists (one user's each). */
  plans?: FakePlanInit[];
  todoLists?: FakeTodoListInit[];
  /** Per user id, the delegated Graph scopes the user consented the app may use on their behalf (e.g. Tasks.Read). */
  delegatedConsent?: Record<string, string[]>;
}

export interface DirectoryChange {
  seq: number;
  kind: 'user' | 'group';
  id: string;
}

export interface FakeTenant {
  readonly id: string;
  readonly displayName: string;
  consented: boolean;
  readonly users: Map<string, FakeUser>;
  readonly groups: Map<string, FakeGroup>;
  readonly catalog: FakeCatalogApp[];
  readonly installedApps: Map<string, Set<string>>;
  readonly blockedByPolicy: Set<string>;
  /** Changes in order; delta links are positions in it. */
  readonly changes: DirectoryChange[];
  /** Delta and next links carry this; links of an earlier generation are expired (syncStateNotFound). */
  deltaGeneration: number;
  /** Planner plans and To Do lists of the tenant's people. */
  readonly work: FakeWork;
  /** Per user id, the delegated scopes consented (user consent on the consent page, or given at init). */
  readonly delegatedConsent: Map<string, Set<string>>;
}

export interface FakeDirectory {
  /** Declared tenants; a tenant not here is unknown to the fake Entra ID. */
  tenant(tenantId: string): FakeTenant | undefined;
  tenants(): FakeTenant[];
  addTenant(init: FakeTenantInit): FakeTenant;
  /** What an admin's consent at the admin-consent endpoint does. */
  grantConsent(tenantId: string): void;
  revokeConsent(tenantId: string): void;
  upsertUser(tenantId: string, user: FakeUser): void;
  /** Deletes the user (Graph then lists them in /users/delta with `@removed`). */
  removeUser(tenantId: string, userId: string): void;
  setGroupMembers(tenantId: string, groupId: string, members: FakeGroupMember[]): void;
  installApp(tenantId: string, userId: string, catalogAppId: string): void;
  /** Expires every delta and next link handed out so far, as Graph does after seven days. */
  expireDeltaLinks(tenantId: string): void;
  /** What a person's "Accept" on the consent page does: the app may use these scopes on their behalf. */
  grantDelegatedConsent(tenantId: string, userId: string, scopes: readonly string[]): void;
  /** The person withdrew the app's delegated permissions (My Apps → revoke). */
  revokeDelegatedConsent(tenantId: string, userId: string): void;
  /** Called after every change (npm start keeps the fake's state in its data folder). */
  onChange(listener: () => void): void;
}

export function createFakeDirectory(inits: readonly FakeTenantInit[] = []): FakeDirectory {
  const tenants = new Map<string, FakeTenant>();
  const listeners: (() => void)[] = [];
  const changed = () => listeners.forEach((listener) => listener());

  const need = (tenantId: string): FakeTenant => {
    const tenant = tenants.get(tenantId);
    if (!tenant) throw new Error(`The fake directory has no tenant ${tenantId}`);
    return tenant;
  };
  const record = (tenant: FakeTenant, kind: DirectoryChange['kind'], id: string) => {
    tenant.changes.push({ seq: tenant.changes.length + 1, kind, id });
  };

  const directory: FakeDirectory = {
    tenant: (tenantId) => tenants.get(tenantId),
    tenants: () => [...tenants.values()],
    addTenant(init) {
      const tenant: FakeTenant = {
        id: init.id,
        displayName: init.displayName,
        consented: init.consented ?? false,
        users: new Map((init.users ?? []).map((user) => [user.id, { accountEnabled: true, ...user }])),
        groups: new Map(Object.entries(init.groups ?? {})),
        catalog: [...(init.catalog ?? [])],
        installedApps: new Map(Object.entries(init.installedApps ?? {}).map(([userId, apps]) => [userId, new Set(apps)])),
        blockedByPolicy: new Set(init.blockedByPolicy ?? []),
        changes: [],
        deltaGeneration: 1,
        work: createFakeWork(init.plans, init.todoLists),
        delegatedConsent: new Map(Object.entries(init.delegatedConsent ?? {}).map(([userId, scopes]) => [userId, new Set(scopes)])),
      };
      // Everything that exists at the start is "changed" once, so the first delta round lists it all.
      for (const id of tenant.users.keys()) record(tenant, 'user', id);
      for (const id of tenant.groups.keys()) record(tenant, 'group', id);
      tenants.set(tenant.id, tenant);
      changed();
      return tenant;
    },
    grantConsent(tenantId) {
      need(tenantId).consented = true;
      changed();
    },
    revokeConsent(tenantId) {
      need(tenantId).consented = false;
      changed();
    },
    upsertUser(tenantId, user) {
      const tenant = need(tenantId);
      tenant.users.set(user.id, { accountEnabled: true, ...user });
      record(tenant, 'user', user.id);
      changed();
    },
    removeUser(tenantId, userId) {
      const tenant = need(tenantId);
      tenant.users.delete(userId);
      tenant.installedApps.delete(userId);
      record(tenant, 'user', userId);
      for (const [groupId, group] of tenant.groups) {
        const kept = group.members.filter((member) => 'groupId' in member || member.id !== userId);
        if (kept.length !== group.members.length) {
          group.members = kept;
          record(tenant, 'group', groupId);
        }
      }
      changed();
    },
    setGroupMembers(tenantId, groupId, members) {
      const tenant = need(tenantId);
      const group = tenant.groups.get(groupId) ?? { members: [] };
      tenant.groups.set(groupId, { ...group, members });
      record(tenant, 'group', groupId);
      changed();
    },
    installApp(tenantId, userId, catalogAppId) {
      const tenant = need(tenantId);
      const apps = tenant.installedApps.get(userId) ?? new Set<string>();
      apps.add(catalogAppId);
      tenant.installedApps.set(userId, apps);
      changed();
    },
    expireDeltaLinks(tenantId) {
      need(tenantId).deltaGeneration += 1;
    },
    grantDelegatedConsent(tenantId, userId, scopes) {
      const tenant = need(tenantId);
      const granted = tenant.delegatedConsent.get(userId) ?? new Set<string>();
      for (const scope of scopes) granted.add(scope);
      tenant.delegatedConsent.set(userId, granted);
      changed();
    },
    revokeDelegatedConsent(tenantId, userId) {
      need(tenantId).delegatedConsent.delete(userId);
      changed();
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
  for (const init of inits) directory.addTenant(init);
  return directory;
}
