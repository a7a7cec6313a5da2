/**
 * Searchable, paged people at scale (issue 13): a tenant of 10,000 people written through the real
 * @azure/cosmos client (test/bench/generate-organisation.ts), beside a small second tenant whose
 * people share names with the first. Search finds the right person, paging walks every page with no
 * duplicate and no gap, the other tenant's people never appear, and bad query parameters are
 * problem+json naming the parameter. Team tasks are paged the same way over one team.
 */
import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../../../api/src/services.js';
import { peoplePageSchema, problemSchema, teamTaskPageSchema } from '../../../api/src/shared/contracts.js';
import { generateOrganisation, writeOrganisation, type GeneratedOrganisation } from '../../bench/generate-organisation.js';
import { CONTOSO_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';

let api: ApiTestStack;
let big: GeneratedOrganisation;
let small: GeneratedOrganisation;
let leader: string;

const SEARCHED = 'Zoë Quartermaine';

beforeAll(async () => {
  api = await startApiTestStack();
  big = generateOrganisation({ people: 10_000, tasks: 2_000, strategies: 5, seed: 13, tenantIndex: 31 });
  big.people[4321]!.displayName = SEARCHED;
  // Team 0 (people 0–9) gets the first 15 tasks, so its task list spans several pages.
  big.tasks.slice(0, 15).forEach((task, index) => (task.ownerId = big.people[index % 10]!.id));
  small = generateOrganisation({ people: 60, tasks: 10, strategies: 2, seed: 14, tenantIndex: 32 });
  small.people[7]!.displayName = SEARCHED;
  const client = new CosmosClient({ endpoint: api.stack.cosmos.endpoint, key: api.stack.cosmos.key, agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) });
  try {
    await Promise.all([writeOrganisation(client, big), writeOrganisation(client, small)]);
  } finally {
    client.dispose();
  }
  const issuer = getServices().auth.devTokenIssuer!;
  const person = big.people.find((candidate) => candidate.id === big.leaderId)!;
  leader = await issuer.issueDevToken({ tenantId: big.tenantId, userId: person.id, roles: person.roles, displayName: person.displayName });
}, 240_000);
afterAll(async () => {
  await api?.close();
});

async function peoplePage(query: string) {
  const response = await api.request('GET', `/api/people?${query}`, { token: leader });
  expect(response.status).toBe(200);
  return peoplePageSchema.parse(response.body);
}

describe('people search and paging in a tenant of 10,000', () => {
  it('finds the person by any part of their name, whatever the case, and only in the caller’s tenant', async () => {
    const found = await peoplePage(`q=${encodeURIComponent('quarterMAINE')}`);
    expect(found.people.map((person) => person.id)).toEqual([big.people[4321]!.id]);
    expect(found.people[0]).toMatchObject({ displayName: SEARCHED, teamName: expect.stringMatching(/^Team /) });
    expect(found.nextCursor).toBeNull();

    const numbered = await peoplePage('q=person%209999');
    expect(numbered.people.map((person) => person.displayName)).toEqual(['Person 9999']);
    expect(numbered.people[0]!.id).toBe(big.people[9998]!.id);

    const none = await peoplePage('q=nobody-by-this-name');
    expect(none).toEqual({ people: [], nextCursor: null });
  });

  it('walks every page once: no duplicate, no gap, in a stable order, never another tenant’s person', async () => {
    const seen: string[] = [];
    const names: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const page = await peoplePage(`limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.people.length).toBeLessThanOrEqual(100);
      seen.push(...page.people.map((person) => person.id));
      names.push(...page.people.map((person) => person.displayName));
      cursor = page.nextCursor;
      pages += 1;
    }
    expect(pages).toBe(100);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(big.people.map((person) => person.id)));
    const foreign = new Set([...small.people.map((person) => person.id), ...Object.values(CONTOSO_IDS.people)]);
    expect(seen.some((id) => foreign.has(id))).toBe(false);
    // Ordered by name (ordinal, as Cosmos DB orders strings), then id.
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    // A narrowed search pages too: "person 12" is Person 12, 120–129 and 1200–1299 (111 people).
    const narrowed: string[] = [];
    let next: string | null = '';
    while (next !== null) {
      const page = await peoplePage(`q=person%2012&limit=40${next ? `&cursor=${next}` : ''}`);
      narrowed.push(...page.people.map((person) => person.displayName));
      next = page.nextCursor;
    }
    expect(narrowed).toHaveLength(111);
    expect(new Set(narrowed).size).toBe(111);
    expect(narrowed.every((name) => /^Person 12\d*$/.test(name))).toBe(true);
  });

  it('answers bad query parameters with problem+json naming each one, and an unpaged call keeps its old shape', async () => {
    for (const [query, path] of [
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=ten', 'limit'],
      ['cursor=not%20a%20cursor', 'cursor'],
      [`cursor=${Buffer.from('{"at":1}').toString('base64url')}`, 'cursor'],
      [`q=${'x'.repeat(81)}`, 'q'],
    ] as const) {
      const response = await api.request('GET', `/api/people?${query}`, { token: leader });
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(problemSchema.parse(response.body).errors?.map((error) => error.path)).toContain(path);
    }
    const whole = await api.request<{ people: unknown[]; nextCursor?: unknown }>('GET', '/api/people', { token: leader });
    expect(whole.body.people).toHaveLength(10_000);
    expect(whole.body.nextCursor).toBeUndefined();
  });

  it('pages and searches a team’s tasks the same way', async () => {
    const team = big.teams[0]!;
    const members = new Set(big.people.filter((person) => person.teamId === team.id).map((person) => person.id));
    const expected = big.tasks.filter((task) => members.has(task.ownerId)).map((task) => task.id);
    expect(expected.length).toBeGreaterThanOrEqual(15);
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const response = await api.request('GET', `/api/teams/${team.id}/tasks?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: leader });
      expect(response.status).toBe(200);
      const page = teamTaskPageSchema.parse(response.body);
      seen.push(...page.tasks.map((task) => task.id));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(expected);
    const first = big.tasks.find((task) => task.id === expected[0])!;
    const searched = teamTaskPageSchema.parse((await api.request('GET', `/api/teams/${team.id}/tasks?q=${encodeURIComponent(first.title.toUpperCase())}`, { token: leader })).body);
    expect(searched.tasks.map((task) => task.id)).toContain(first.id);
    expect(searched.tasks.every((task) => task.title.toLowerCase().includes(first.title.toLowerCase()))).toBe(true);
    const foreignTeam = await api.request('GET', `/api/teams/${small.teams[0]!.id}/tasks?limit=5`, { token: leader });
    expect(foreignTeam.status).toBe(404);
  });
});
