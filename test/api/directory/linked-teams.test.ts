/**
 * Teams from Microsoft 365: a Leader or Admin links an app team to a group (or a team in Teams), or
 * installing the channel tab in a team in Teams links it; the directory sync timer then brings the
 * group's members into the team with the membership's source, by the one-team rule; hand-made teams
 * and memberships stay. Refusals write nothing.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NORTHWIND_IDS } from '../../../api/src/local/fake-m365/northwind.js';
import { problemSchema, teamMembersSchema, teamSchema, type Team } from '../../../api/src/shared/contracts.js';
import { addGroup, CONTOSO_IDS, FABRIKAM_IDS, newUser, startDirectoryTestStack, type DirectoryTestStack } from './directory-test-support.js';

const tenant = CONTOSO_IDS.tenant;
const { grace, aisha, ben } = CONTOSO_IDS.people;
const DOMAIN = 'contoso.example';
let env: DirectoryTestStack;
let graceToken: string;
let aishaToken: string;
let benToken: string;

beforeAll(async () => {
  env = await startDirectoryTestStack();
  [graceToken, aishaToken, benToken] = await Promise.all([env.api.tokenFor(tenant, grace), env.api.tokenFor(tenant, aisha), env.api.tokenFor(tenant, ben)]);
});
afterAll(async () => {
  await env?.close();
});

async function newTeam(name: string): Promise<Team> {
  const created = await env.api.request('POST', '/api/teams', { token: graceToken, json: { name } });
  expect(created.status).toBe(201);
  return teamSchema.parse(created.body);
}

const linkGroup = (team: Team, groupId: string, token = graceToken) =>
  env.api.request('PUT', `/api/teams/${team.id}/group`, { token, headers: { 'if-match': team.etag }, json: { groupId } });

async function sourcesOf(teamId: string, token = graceToken): Promise<Record<string, string>> {
  const response = await env.api.request('GET', `/api/teams/${teamId}/members`, { token });
  expect(response.status).toBe(200);
  return Object.fromEntries(teamMembersSchema.parse(response.body).members.map((member) => [member.id, member.source]));
}

const member = (user: { id: string; userPrincipalName: string }) => ({ id: user.id, userPrincipalName: user.userPrincipalName });

describe('teams linked to Microsoft 365', () => {
  it('links a hand-made team to a group (audited); the sync brings its members in with source "group"', async () => {
    const team = await newTeam('Night Crew');
    const [ana, bob] = [newUser('Ana Night', DOMAIN), newUser('Bob Night', DOMAIN)];
    for (const user of [ana, bob]) env.directory.upsertUser(tenant, user);
    const groupId = randomUUID();
    addGroup(env, tenant, groupId, { displayName: 'Night Crew (M365)', isTeam: true }, [member(ana), member(bob)]);

    const linked = await linkGroup(team, groupId);
    expect(linked.status).toBe(200);
    expect(teamSchema.parse(linked.body)).toMatchObject({ groupId, linkedGroup: { displayName: 'Night Crew (M365)', isTeam: true, via: 'leader' } });
    const audits = (await env.api.storedDocuments('directory', tenant)).filter((doc) => doc.type === 'audit' && doc.entityId === team.id);
    expect(audits.map((entry) => entry.action).sort()).toEqual(['create', 'update']);
    expect(audits.find((entry) => entry.action === 'update')).toMatchObject({ after: { groupId } });

    await env.sync();
    expect(await sourcesOf(team.id)).toEqual({ [ana.id]: 'group', [bob.id]: 'group' });
    expect(await env.person(tenant, ana.id)).toMatchObject({ teamId: team.id, source: 'group', groupIds: [groupId] });

    // Bob leaves the group: he leaves the team at the next run.
    env.directory.setGroupMembers(tenant, groupId, [member(ana)]);
    await env.sync();
    expect(await sourcesOf(team.id)).toEqual({ [ana.id]: 'group' });
    expect(await env.person(tenant, bob.id)).toMatchObject({ teamId: null, groupIds: [] });
  });

  it('keeps a hand-made membership, and a person in two linked groups in one team (the one they are in)', async () => {
    const [first, second] = [await newTeam('Alpha Squad'), await newTeam('Beta Squad')];
    const both = newUser('Cleo Both', DOMAIN);
    env.directory.upsertUser(tenant, both);
    const [alphaGroup, betaGroup] = [randomUUID(), randomUUID()];
    // Ben was put in Operations by hand; he is in the Beta group too.
    addGroup(env, tenant, alphaGroup, { displayName: 'Alpha', isTeam: false }, [member(both)]);
    addGroup(env, tenant, betaGroup, { displayName: 'Beta', isTeam: true }, [member(both), { id: ben, userPrincipalName: 'ben.carter@contoso.example' }]);
    expect((await linkGroup(second, betaGroup)).status).toBe(200);
    await env.sync();
    expect(await env.person(tenant, both.id)).toMatchObject({ teamId: second.id, source: 'group' });
    expect(await env.person(tenant, ben)).toMatchObject({ teamId: CONTOSO_IDS.teams.operations, groupIds: [betaGroup] });
    expect((await env.person(tenant, ben))?.source ?? 'manual').toBe('manual');

    // Linking Alpha too does not move Cleo (no flapping); leaving Beta moves her to Alpha.
    expect((await linkGroup(first, alphaGroup)).status).toBe(200);
    await env.sync();
    expect(await env.person(tenant, both.id)).toMatchObject({ teamId: second.id, groupIds: [alphaGroup, betaGroup].sort() });
    env.directory.setGroupMembers(tenant, betaGroup, [{ id: ben, userPrincipalName: 'ben.carter@contoso.example' }]);
    await env.sync();
    expect(await env.person(tenant, both.id)).toMatchObject({ teamId: first.id, source: 'group', groupIds: [alphaGroup] });
    // A Leader sees where their own team's memberships came from.
    expect(await sourcesOf(CONTOSO_IDS.teams.operations, aishaToken)).toMatchObject({ [ben]: 'manual', [aisha]: 'manual' });
  });

  it('links the team whose channel tab is installed in a team in Teams; its members come with source "channel"', async () => {
    const team = await newTeam('Dock Team');
    const dana = newUser('Dana Dock', DOMAIN);
    env.directory.upsertUser(tenant, dana);
    const teamsGroupId = randomUUID();
    addGroup(env, tenant, teamsGroupId, { displayName: 'Dock (Teams)', isTeam: true }, [member(dana)]);

    const response = await env.api.request('PUT', `/api/teams/${team.id}/channel`, {
      token: graceToken,
      headers: { 'if-match': team.etag },
      json: { teamsTeamId: teamsGroupId, channelId: '19:dock-general@thread.tacv2' },
    });
    expect(response.status).toBe(200);
    expect(teamSchema.parse(response.body)).toMatchObject({ groupId: teamsGroupId, linkedGroup: { displayName: 'Dock (Teams)', isTeam: true, via: 'channel' }, channel: { channelId: '19:dock-general@thread.tacv2' } });
    await env.sync();
    expect(await sourcesOf(team.id)).toEqual({ [dana.id]: 'channel' });
  });

  it('unlinks a team: the group’s people leave at the next sync, the team stays', async () => {
    const team = await newTeam('Short Lived');
    const eve = newUser('Eve Brief', DOMAIN);
    env.directory.upsertUser(tenant, eve);
    const groupId = randomUUID();
    addGroup(env, tenant, groupId, { displayName: 'Brief', isTeam: false }, [member(eve)]);
    const linked = teamSchema.parse((await linkGroup(team, groupId)).body);
    await env.sync();
    expect(await sourcesOf(team.id)).toEqual({ [eve.id]: 'group' });

    const unlinked = await env.api.request('DELETE', `/api/teams/${team.id}/group`, { token: graceToken, headers: { 'if-match': linked.etag } });
    expect(unlinked.status).toBe(200);
    expect(unlinked.body).not.toHaveProperty('groupId');
    await env.sync();
    expect(await sourcesOf(team.id)).toEqual({});
    expect(await env.person(tenant, eve.id)).toMatchObject({ teamId: null });
  });

  it('refuses bad links with problem+json and writes nothing', async () => {
    const team = await newTeam('Careful Team');
    const taken = await newTeam('Already Linked');
    const groupId = randomUUID();
    addGroup(env, tenant, groupId, { displayName: 'Taken', isTeam: false }, []);
    expect((await linkGroup(taken, groupId)).status).toBe(200);
    const before = new Map((await env.api.storedDocuments('directory', tenant)).map((doc) => [doc.id, doc._etag]));

    const refusals: [Awaited<ReturnType<typeof linkGroup>>, number, string][] = [
      [await linkGroup(team, 'not-a-group'), 400, 'validation_failed'],
      // A group of another tenant (Northwind's Sales) is not one of Contoso's: Graph answers 404.
      [await linkGroup(team, NORTHWIND_IDS.groups.sales), 400, 'validation_failed'],
      [await linkGroup(team, groupId), 409, 'group_taken'],
      [await env.api.request('PUT', `/api/teams/${team.id}/group`, { token: graceToken, json: { groupId } }), 428, 'precondition_required'],
      [await linkGroup(team, groupId, benToken), 403, 'forbidden'],
      // Another tenant's team: not found, whatever its id.
      [await linkGroup({ ...team, id: FABRIKAM_IDS.teams.sales }, groupId), 404, 'not_found'],
      [await env.api.request('GET', `/api/teams/${FABRIKAM_IDS.teams.sales}/members`, { token: graceToken }), 404, 'not_found'],
    ];
    for (const [response, status, code] of refusals) {
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(problemSchema.parse(response.body).code).toBe(code);
    }
    expect(problemSchema.parse(refusals[0]![0].body).errors?.map((error) => error.path)).toEqual(['groupId']);
    const after = new Map((await env.api.storedDocuments('directory', tenant)).map((doc) => [doc.id, doc._etag]));
    expect(after).toEqual(before);
  });
});
