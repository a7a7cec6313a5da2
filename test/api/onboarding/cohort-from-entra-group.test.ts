/**
 * Cohort members from a Microsoft Entra group, read through the loopback fake Graph (two users a page,
 * nested groups, owners). The app reads any group with its own permission, so it imports a group only
 * for an Admin, or for a Leader who belongs to it (transitively) or owns it; anyone else gets 403 and
 * nothing is written, not even for a preview.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberImportPreviewSchema, problemSchema } from '../../../api/src/shared/contracts.js';
import { CONTOSO_IDS, startOnboardingTestStack, type OnboardingTestStack } from './onboarding-test-support.js';

const tenant = CONTOSO_IDS.tenant;
const p = CONTOSO_IDS.people;
const group = (n: number) => `5f0c0a11-0000-4000-8000-00000000000${n}`;
/** Aisha (a Leader) is in none of these, owns none of them. */
const FOREIGN = group(1);
/** Aisha belongs to it through a nested group. */
const AISHAS_TEAM = group(2);
const NESTED = group(3);
/** Aisha owns it without being a member. */
const AISHA_OWNS = group(4);

let env: OnboardingTestStack;
let grace: string;
let aisha: string;

beforeAll(async () => {
  env = await startOnboardingTestStack({ graph: {
    roles: ['TeamsActivity.Send', 'GroupMember.Read.All'],
    groupPageSize: 2,
    groups: {
      [FOREIGN]: {
        members: [
          { id: p.jonas, userPrincipalName: 'jonas.weber@contoso.example' },
          { id: p.lucia, userPrincipalName: 'lucia.fernandez@contoso.example' },
          { id: p.marco, userPrincipalName: 'marco.bianchi@contoso.example' },
          { id: '99999999-0000-4000-8000-000000000099', userPrincipalName: 'not.yet@contoso.example' },
        ],
        owners: [p.daniel],
      },
      [AISHAS_TEAM]: { members: [{ id: p.ben, userPrincipalName: 'ben.carter@contoso.example' }, { groupId: NESTED }] },
      [NESTED]: { members: [{ id: p.aisha, userPrincipalName: 'aisha.khan@contoso.example' }, { id: p.nadia, userPrincipalName: 'nadia.rahman@contoso.example' }] },
      [AISHA_OWNS]: { members: [{ id: p.chiara, userPrincipalName: 'chiara.rossi@contoso.example' }], owners: [p.daniel, p.grace, p.aisha] },
    },
  } });
  [grace, aisha] = await Promise.all([env.api.tokenFor(tenant, p.grace), env.api.tokenFor(tenant, p.aisha)]);
});
afterAll(async () => {
  await env?.close();
});

async function newCohort(token: string, name: string, memberIds: string[] = []): Promise<string> {
  const response = await env.api.request<{ id: string }>('POST', '/api/cohorts', { token, json: { name, memberIds } });
  expect(response.status).toBe(201);
  return response.body.id;
}

const fromGroup = (token: string, cohortId: string, json: unknown) => env.api.request('POST', `/api/cohorts/${cohortId}/members/from-group`, { token, json });
const groupReads = (groupId: string) => env.graph.groupRequests.filter((entry) => entry.request.includes(groupId)).map((entry) => entry.request.split('/').at(-2));

describe('a cohort from a Microsoft Entra group', () => {
  it('lets an Admin preview any group’s members (all pages), then add the ones Line of Sight knows', async () => {
    const cohortId = await newCohort(grace, 'From group', [p.marco]);
    const readsBefore = groupReads(FOREIGN).length;
    const preview = await fromGroup(grace, cohortId, { groupId: FOREIGN, dryRun: true });
    expect(preview.status).toBe(200);
    expect(memberImportPreviewSchema.parse(preview.body)).toMatchObject({
      toAdd: 2, errors: 1,
      rows: [{ status: 'add', userId: p.jonas }, { status: 'add', userId: p.lucia }, { status: 'already_member', userId: p.marco }, { status: 'error', value: 'not.yet@contoso.example' }],
    });
    // Two pages of members; an Admin needs no ownership check.
    expect(groupReads(FOREIGN).slice(readsBefore)).toEqual(['transitiveMembers', 'transitiveMembers']);
    const unchanged = await env.api.request<{ members: unknown[] }>('GET', `/api/cohorts/${cohortId}`, { token: grace });
    expect(unchanged.body.members).toHaveLength(1);

    const applied = memberImportPreviewSchema.parse((await fromGroup(grace, cohortId, { groupId: FOREIGN })).body);
    expect(applied.cohort?.members.map((member) => member.userId).sort()).toEqual([p.jonas, p.lucia, p.marco].sort());
  });

  it('refuses a Leader a group they neither belong to nor own: 403, nothing written, even for a preview', async () => {
    const cohortId = await newCohort(aisha, 'Not my group');
    const before = await env.fingerprint(tenant);
    const readsBefore = groupReads(FOREIGN).length;
    for (const dryRun of [true, false]) {
      const refused = await fromGroup(aisha, cohortId, { groupId: FOREIGN, dryRun });
      expect(refused.status).toBe(403);
      expect(problemSchema.parse(refused.body)).toMatchObject({ code: 'group_not_yours', title: 'You can only import a group you belong to or own' });
      expect(JSON.stringify(refused.body)).not.toContain('jonas');
    }
    expect(await env.fingerprint(tenant)).toEqual(before);
    // Asked Graph: the members (all pages), then the owners.
    expect(groupReads(FOREIGN).slice(readsBefore)).toEqual(['transitiveMembers', 'transitiveMembers', 'owners', 'transitiveMembers', 'transitiveMembers', 'owners']);
  });

  it('lets a Leader import a group they belong to through a nested group, and one they own', async () => {
    const cohortId = await newCohort(aisha, 'My groups');
    const mine = memberImportPreviewSchema.parse((await fromGroup(aisha, cohortId, { groupId: AISHAS_TEAM })).body);
    expect(mine.cohort?.members.map((member) => member.userId).sort()).toEqual([p.aisha, p.ben, p.nadia].sort());
    expect(groupReads(AISHAS_TEAM)).not.toContain('owners');

    const owned = await fromGroup(aisha, cohortId, { groupId: AISHA_OWNS });
    expect(owned.status).toBe(200);
    expect(memberImportPreviewSchema.parse(owned.body).cohort?.members.map((member) => member.userId)).toContain(p.chiara);
    // The owners come two a page; Aisha is on the second.
    expect(groupReads(AISHA_OWNS)).toEqual(['transitiveMembers', 'owners', 'owners']);
  });

  it('answers an unknown group at its field, and refuses a non-GUID id', async () => {
    const cohortId = await newCohort(grace, 'Unknown group');
    const unknown = await fromGroup(grace, cohortId, { groupId: '5f0c0a11-0000-4000-8000-00000000ffff' });
    expect(problemSchema.parse(unknown.body).errors).toEqual([{ path: 'groupId', message: 'No group with this id in your organisation' }]);
    const bad = await fromGroup(grace, cohortId, { groupId: '../users' });
    expect(problemSchema.parse(bad.body).errors?.[0]?.path).toBe('groupId');
  });
});
