/**
 * Northwind Traders: the local fake Microsoft 365 tenant that has NOT set up Line of Sight, so a
 * newcomer can walk the whole adoption path with `npm start`: its administrator (a Global
 * Administrator in `wids`) signs up, people and teams come from its directory, and a new hire
 * without the app gets it installed and notified. Fixed GUIDs, like the demo tenants'.
 */
import { seedGuid } from '../seed-types.js';
import { GLOBAL_ADMINISTRATOR_ROLE, type FakeTenantInit, type FakeUser } from './directory.js';

export const NORTHWIND_TENANT_ID = '7e0a0000-0000-4000-8000-00000000000e';
const user = (index: number) => seedGuid('7e0a0001', index);
const group = (index: number) => seedGuid('7e0a0002', index);

export const NORTHWIND_IDS = {
  tenant: NORTHWIND_TENANT_ID,
  people: { olivia: user(1), pedro: user(2), quinn: user(3), rosa: user(4), sam: user(5), tariq: user(6), uma: user(7) },
  groups: { sales: group(1), warehouse: group(2), everyone: group(3) },
  /** The id Northwind's org catalog gave Line of Sight when its admin published it (not the manifest id). */
  catalogAppId: seedGuid('7e0a0003', 1),
} as const;

const p = NORTHWIND_IDS.people;
const domain = 'northwind.example';

// Preferred languages as a directory holds them: some set, some not, one we have no texts for (es-ES).
const people: FakeUser[] = ([
  { id: p.olivia, displayName: 'Olivia Brandt', userPrincipalName: `olivia.brandt@${domain}`, department: 'IT', jobTitle: 'IT Administrator', wids: [GLOBAL_ADMINISTRATOR_ROLE], appRoles: ['Admin'] },
  { id: p.pedro, displayName: 'Pedro Alves', userPrincipalName: `pedro.alves@${domain}`, department: 'Sales', jobTitle: 'Head of Sales', appRoles: ['Leader'] },
  { id: p.quinn, displayName: 'Quinn Murphy', userPrincipalName: `quinn.murphy@${domain}`, department: 'Sales', jobTitle: 'Account Manager', managerId: p.pedro, preferredLanguage: 'en-GB' },
  { id: p.rosa, displayName: 'Rosa Jiménez', userPrincipalName: `rosa.jimenez@${domain}`, department: 'Warehouse', jobTitle: 'Warehouse Lead', appRoles: ['Leader'], preferredLanguage: 'es-ES' },
  { id: p.sam, displayName: 'Sam Okoye', userPrincipalName: `sam.okoye@${domain}`, department: 'Warehouse', jobTitle: 'Picker', managerId: p.rosa },
  { id: p.tariq, displayName: 'Tariq Aziz', userPrincipalName: `tariq.aziz@${domain}`, department: 'Sales', jobTitle: 'Sales Assistant', managerId: p.pedro, preferredLanguage: 'ar-SA' },
  // The new hire: in the directory and a group, but Teams has not installed the app for them yet.
  { id: p.uma, displayName: 'Uma Lindqvist', userPrincipalName: `uma.lindqvist@${domain}`, department: 'Warehouse', jobTitle: 'Picker (new hire)', managerId: p.rosa, preferredLanguage: 'de-DE' },
] satisfies FakeUser[]).map((person): FakeUser => ({ ...person, mail: person.userPrincipalName }));

const member = (id: string) => ({ id, userPrincipalName: people.find((person) => person.id === id)!.userPrincipalName });

/** Northwind as its fake tenant holds it; `manifestAppId` is the app's manifest id (the catalog's externalId). */
export const northwindTenant = (manifestAppId: string): FakeTenantInit => ({
  id: NORTHWIND_TENANT_ID,
  displayName: 'Northwind Traders',
  consented: false,
  users: people,
  groups: {
    [NORTHWIND_IDS.groups.sales]: { displayName: 'Sales', isTeam: true, members: [p.pedro, p.quinn, p.tariq].map(member), owners: [p.pedro] },
    [NORTHWIND_IDS.groups.warehouse]: { displayName: 'Warehouse', isTeam: true, members: [p.rosa, p.sam, p.uma].map(member), owners: [p.rosa] },
    [NORTHWIND_IDS.groups.everyone]: { displayName: 'All Northwind', members: [{ groupId: NORTHWIND_IDS.groups.sales }, { groupId: NORTHWIND_IDS.groups.warehouse }, member(p.olivia)], owners: [p.olivia] },
  },
  catalog: [{ id: NORTHWIND_IDS.catalogAppId, externalId: manifestAppId, displayName: 'Line of Sight' }],
  installedApps: Object.fromEntries(people.filter((person) => person.id !== p.uma).map((person) => [person.id, [NORTHWIND_IDS.catalogAppId]])),
});
