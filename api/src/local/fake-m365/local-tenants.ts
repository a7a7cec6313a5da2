/**
 * The fake Microsoft 365 directory `npm start` runs: the two demo tenants as they would be after
 * onboarding (admin consent given, everyone has the app), and Northwind Traders, not onboarded.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { DevIdentity } from '../../shared/contracts.js';
import { CONTOSO_IDS } from '../seed-contoso.js';
import { SEED_TENANTS } from '../seed.js';
import { seedUpn } from '../seed-types.js';
import { createFakeDirectory, type FakeDirectory, type FakeTenantInit } from './directory.js';
import { CONTOSO_WORK, NORTHWIND_WORK } from './local-work.js';
import { northwindTenant } from './northwind.js';

/** The catalog id of the app in a demo tenant: derived from the tenant id, never the manifest id. */
const demoCatalogAppId = (tenantId: string) => `ca7a1000-${tenantId.slice(9)}`;

export function demoTenantDirectories(manifestAppId: string): FakeTenantInit[] {
  return SEED_TENANTS.map((tenant) => ({
    id: tenant.id,
    displayName: tenant.name,
    consented: true,
    users: tenant.people.map((person) => {
      const upn = person.upn ?? seedUpn(person.displayName, tenant.name);
      return { id: person.id, displayName: person.displayName, userPrincipalName: upn, mail: upn, appRoles: person.roles.filter((role) => role !== 'Employee') as ('Leader' | 'Admin')[] };
    }),
    catalog: [{ id: demoCatalogAppId(tenant.id), externalId: manifestAppId, displayName: 'Line of Sight' }],
    installedApps: Object.fromEntries(tenant.people.map((person) => [person.id, [demoCatalogAppId(tenant.id)]])),
  }));
}

export function localFakeDirectory(manifestAppId: string): FakeDirectory {
  const demo = demoTenantDirectories(manifestAppId).map((tenant) => (tenant.id === CONTOSO_IDS.tenant ? { ...tenant, ...CONTOSO_WORK } : tenant));
  return createFakeDirectory([...demo, { ...northwindTenant(manifestAppId), ...NORTHWIND_WORK }]);
}

/**
 * People of the fake tenants who are not seeded demo people (Northwind's, and anyone who joined a demo
 * tenant's directory since), to sign in as on the local host page.
 */
export function directoryIdentities(directory: FakeDirectory): DevIdentity[] {
  const seeded = new Set(SEED_TENANTS.flatMap((tenant) => tenant.people.map((person) => `${tenant.id}/${person.id}`)));
  return directory
    .tenants()
    .flatMap((tenant) =>
      [...tenant.users.values()]
        .filter((user) => user.accountEnabled !== false && !seeded.has(`${tenant.id}/${user.id}`))
        .map((user) => ({
          tenantId: tenant.id,
          tenantName: tenant.displayName,
          userId: user.id,
          displayName: user.displayName,
          teamName: null,
          roles: ['Employee' as const, ...(user.appRoles ?? [])],
          upn: user.userPrincipalName,
          ...(user.wids?.length ? { wids: user.wids } : {}),
        })),
    );
}

/** What `npm start` keeps of the fake between runs: who consented and who has the app. */
interface KeptFakeState {
  tenants: { id: string; consented: boolean; installedApps: Record<string, string[]>; delegatedConsent?: Record<string, string[]> }[];
}

/** Restores the kept state from `file` (if any) and keeps it there after every change. */
export async function keepFakeDirectoryIn(directory: FakeDirectory, file: string): Promise<void> {
  const kept = await readFile(file, 'utf8').then((text) => JSON.parse(text) as KeptFakeState, () => undefined);
  for (const saved of kept?.tenants ?? []) {
    const tenant = directory.tenant(saved.id);
    if (!tenant) continue;
    tenant.consented = saved.consented;
    for (const [userId, apps] of Object.entries(saved.installedApps)) tenant.installedApps.set(userId, new Set(apps));
    for (const [userId, scopes] of Object.entries(saved.delegatedConsent ?? {})) tenant.delegatedConsent.set(userId, new Set(scopes));
  }
  let writing = Promise.resolve();
  directory.onChange(() => {
    const state: KeptFakeState = {
      tenants: directory.tenants().map((tenant) => ({ id: tenant.id, consented: tenant.consented, installedApps: Object.fromEntries([...tenant.installedApps].map(([userId, apps]) => [userId, [...apps]])),
        delegatedConsent: Object.fromEntries([...tenant.delegatedConsent].map(([userId, scopes]) => [userId, [...scopes]])),
      })),
    };
    writing = writing.then(() => writeFile(file, JSON.stringify(state)), () => writeFile(file, JSON.stringify(state)));
  });
}
