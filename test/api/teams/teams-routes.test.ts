import { describe, expect, it } from 'vitest';
import {
  channelTeamSchema,
  problemSchema,
  teamLineOfSightSchema,
  teamListSchema,
  teamSchema,
  type Team,
} from '../../../api/src/shared/contracts.js';
import { CONTOSO_IDS, FABRIKAM_IDS } from '../support/api-test-stack.js';
import { teamsTestStack } from './teams-test-stack.js';

const { tenant, people, teams, strategies } = CONTOSO_IDS;
const CHANNEL = { teamsTeamId: '19:ops-team@thread.skype', channelId: '19:ops-general@thread.tacv2' };

const stack = teamsTestStack();
// Tokens are filled in before the first test, so they are read as `tokens.x` inside tests, never copied at load.
const { tokens } = stack;

async function team(token: string, id: string): Promise<Team> {
  const list = teamListSchema.parse((await stack.api.request('GET', '/api/teams', { token })).body);
  const found = list.teams.find((entry) => entry.id === id);
  if (!found) throw new Error(`team ${id} not listed`);
  return found;
}

describe('teams', () => {
  it('lists the teams with their mapping and member counts to any employee', async () => {
    const list = teamListSchema.parse((await stack.api.request('GET', '/api/teams', { token: tokens.ben })).body);
    expect(list.teams.map((entry) => [entry.name, entry.memberCount])).toEqual([
      // Counts include the four people who joined from Fabrikam (seed: the onboarding cohort).
      ['Customer Success', 4],
      ['Operations', 5],
      ['Platform Engineering', 4],
    ]);
    expect(list.teams.find((entry) => entry.id === teams.operations)?.strategyIds).toEqual([strategies.onTime, strategies.emptyKm]);
  });

  it('lets a leader create a team, rename it and map it to strategies, each change audited', async () => {
    const created = await stack.api.request('POST', '/api/teams', { token: tokens.aisha, json: { name: '  Night Shift  ' } });
    expect(created.status).toBe(201);
    const night = teamSchema.parse(created.body);
    expect(night).toMatchObject({ name: 'Night Shift', strategyIds: [], memberCount: 0 });

    const renamed = await stack.api.request('PATCH', `/api/teams/${night.id}`, {
      token: tokens.grace,
      headers: { 'if-match': night.etag },
      json: { name: 'Night Operations', strategyIds: [strategies.onTime] },
    });
    expect(renamed.status).toBe(200);
    const after = teamSchema.parse(renamed.body);
    expect(after).toMatchObject({ name: 'Night Operations', strategyIds: [strategies.onTime] });
    expect(renamed.headers.get('etag')).toBe(after.etag);

    const audits = await stack.stored.auditsOf('directory', tenant, night.id);
    expect(audits.map((entry) => entry.action).sort()).toEqual(['create', 'update']);
    expect(audits.find((entry) => entry.action === 'update')).toMatchObject({
      actor: { id: people.grace },
      before: { name: 'Night Shift', strategyIds: [] },
      after: { name: 'Night Operations', strategyIds: [strategies.onTime] },
    });

    const stale = await stack.api.request('PATCH', `/api/teams/${night.id}`, { token: tokens.grace, headers: { 'if-match': night.etag }, json: { name: 'Old tab' } });
    expect(stale.status).toBe(412);
    expect(problemSchema.parse(stale.body).current).toMatchObject({ name: 'Night Operations', etag: after.etag });
  });

  it('links a Teams channel, and the channel tab finds the team and its line of sight', async () => {
    const ops = await team(tokens.aisha, teams.operations);
    const linked = await stack.api.request('PUT', `/api/teams/${ops.id}/channel`, { token: tokens.aisha, headers: { 'if-match': ops.etag }, json: CHANNEL });
    expect(linked.status).toBe(200);
    expect(teamSchema.parse(linked.body).channel).toEqual(CHANNEL);

    const lookup = await stack.api.request('GET', `/api/channels/${encodeURIComponent(CHANNEL.channelId)}/team`, { token: tokens.ben });
    expect(channelTeamSchema.parse(lookup.body)).toEqual({ teamId: ops.id });
    expect((await stack.api.request('GET', `/api/channels/${encodeURIComponent('19:nobody@thread.tacv2')}/team`, { token: tokens.ben })).status).toBe(404);
    // Another tenant never sees this tenant's channel links.
    expect((await stack.api.request('GET', `/api/channels/${encodeURIComponent(CHANNEL.channelId)}/team`, { token: tokens.marc })).status).toBe(404);

    const view = teamLineOfSightSchema.parse((await stack.api.request('GET', `/api/teams/${ops.id}/line-of-sight`, { token: tokens.ben })).body);
    expect(view.team).toEqual({ id: ops.id, name: 'Operations' });
    const onTime = view.strategies.find((entry) => entry.id === strategies.onTime);
    expect(onTime?.mapped).toBe(true);
    expect(onTime?.tasks.map((task) => task.ownerName)).toContain('Ben Carter');
    expect(view.strategies.map((entry) => entry.id)).not.toContain(strategies.lyon);
    expect(view.unlinkedTasks.map((task) => task.title)).toContain('Renew forklift certification');

    // Ben is not a leader: his teammates' tasks are counted, not named (Aisha and Chiara serve on-time too).
    const ownerNames = new Set([...view.strategies.flatMap((entry) => entry.tasks), ...view.unlinkedTasks].map((task) => task.ownerName));
    expect([...ownerNames]).toEqual(['Ben Carter']);
    expect(onTime?.hiddenTasks).toBe(2);
    expect(view.hiddenUnlinkedTasks).toBe(1); // Aisha's holiday rota
    // The team's Leader and an Admin see every task; a Leader of another team, only counts.
    for (const [token, named] of [[tokens.aisha, true], [tokens.grace, true], [tokens.daniel, false]] as const) {
      const seen = teamLineOfSightSchema.parse((await stack.api.request('GET', `/api/teams/${ops.id}/line-of-sight`, { token })).body);
      const seenOnTime = seen.strategies.find((entry) => entry.id === strategies.onTime);
      expect(seenOnTime?.tasks.map((task) => task.ownerName).sort()).toEqual(named ? ['Aisha Khan', 'Ben Carter', 'Chiara Rossi'] : []);
      expect(seenOnTime?.hiddenTasks).toBe(named ? 0 : 3);
    }

    // A channel shows one team.
    const support = await team(tokens.daniel, teams.customerSuccess);
    const taken = await stack.api.request('PUT', `/api/teams/${support.id}/channel`, { token: tokens.daniel, headers: { 'if-match': support.etag }, json: CHANNEL });
    expect(taken.status).toBe(409);
  });

  it('refuses employees (403) and leaders of other teams (403), writing nothing', async () => {
    const ops = await team(tokens.ben, teams.operations);
    await stack.expectNothingWritten('directory', async () => {
      expect((await stack.api.request('POST', '/api/teams', { token: tokens.ben, json: { name: 'Mine' } })).status).toBe(403);
      const asEmployee = await stack.api.request('PATCH', `/api/teams/${ops.id}`, { token: tokens.ben, headers: { 'if-match': ops.etag }, json: { name: 'Mine' } });
      expect(asEmployee.status).toBe(403);
      expect(problemSchema.parse(asEmployee.body).code).toBe('forbidden');
      const otherLeader = await stack.api.request('PATCH', `/api/teams/${ops.id}`, { token: tokens.daniel, headers: { 'if-match': ops.etag }, json: { name: 'Taken over' } });
      expect(otherLeader.status).toBe(403);
      const otherChannel = await stack.api.request('PUT', `/api/teams/${ops.id}/channel`, {
        token: tokens.daniel,
        headers: { 'if-match': ops.etag },
        json: { teamsTeamId: '19:x@thread.skype', channelId: '19:y@thread.tacv2' },
      });
      expect(otherChannel.status).toBe(403);
      expect((await stack.api.request('GET', `/api/teams/${ops.id}/tasks`, { token: tokens.ben })).status).toBe(403);
      expect((await stack.api.request('GET', `/api/teams/${ops.id}/tasks`, { token: tokens.daniel })).status).toBe(403);
    });
  });

  it('answers another tenant\u2019s team ids with 404, writing nothing', async () => {
    const ops = await team(tokens.aisha, teams.operations);
    await stack.expectNothingWritten('directory', async () => {
      const patch = await stack.api.request('PATCH', `/api/teams/${ops.id}`, { token: tokens.marc, headers: { 'if-match': ops.etag }, json: { name: 'Mine now' } });
      expect(patch.status).toBe(404);
      expect((await stack.api.request('GET', `/api/teams/${ops.id}/line-of-sight`, { token: tokens.marc })).status).toBe(404);
      expect((await stack.api.request('GET', `/api/teams/${ops.id}/tasks`, { token: tokens.marc })).status).toBe(404);
      const fabrikamTeam = FABRIKAM_IDS.teams.sales;
      expect((await stack.api.request('GET', `/api/teams/${fabrikamTeam}/line-of-sight`, { token: tokens.ben })).status).toBe(404);
    });
  });

  it('answers bad input with problem+json field paths, writing nothing', async () => {
    const ops = await team(tokens.aisha, teams.operations);
    await stack.expectNothingWritten('directory', async () => {
      const cases: [string, string, unknown, string[]][] = [
        ['POST', '/api/teams', { name: '' }, ['name']],
        ['POST', '/api/teams', { name: 'x'.repeat(81), colour: 'red' }, ['colour', 'name']],
        ['POST', '/api/teams', { name: 'Ghosts', strategyIds: ['no-such-strategy'] }, ['strategyIds.0']],
        ['PATCH', `/api/teams/${ops.id}`, {}, ['']],
        ['PATCH', `/api/teams/${ops.id}`, { strategyIds: [strategies.onTime, strategies.lyon] }, ['strategyIds.1']],
        ['PATCH', `/api/teams/${ops.id}`, { strategyIds: [strategies.onTime, strategies.onTime] }, ['strategyIds']],
        ['PUT', `/api/teams/${ops.id}/channel`, { teamsTeamId: 'has spaces', channelId: '' }, ['channelId', 'teamsTeamId']],
      ];
      for (const [method, path, json, paths] of cases) {
        const response = await stack.api.request(method, path, { token: tokens.aisha, headers: { 'if-match': ops.etag }, json });
        expect(response.status, `${method} ${path} ${JSON.stringify(json)}`).toBe(400);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect([...new Set(problemSchema.parse(response.body).errors?.map((error) => error.path))].sort()).toEqual(paths);
      }
      expect((await stack.api.request('PATCH', `/api/teams/${ops.id}`, { token: tokens.aisha, json: { name: 'No etag' } })).status).toBe(428);
      expect((await stack.api.request('GET', '/api/channels/bad%20id/team', { token: tokens.ben })).status).toBe(400);
    });
  });
});
