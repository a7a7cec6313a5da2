/**
 * A delta link keeps the $select of the round that made it, so a property added to the select
 * (preferredLanguage) reaches the records only through a fresh full round: a stored link made with
 * another select (or none recorded: before the select was stored) starts one, once; the links of
 * that round carry on as usual. In-memory stores and a scripted Graph: only the sync's decisions.
 */
import { describe, expect, it } from 'vitest';
import type { DirectorySyncRepository, DirectorySyncState } from '../../../api/src/data/directory-sync-repository.js';
import type { PeopleRepository } from '../../../api/src/data/people-repository.js';
import type { TasksRepository } from '../../../api/src/data/tasks-repository.js';
import type { DirectoryGraph, GraphRead } from '../../../api/src/directory/graph-reader.js';
import { firstUsersDeltaLink, syncUsers, USERS_DELTA_SELECT } from '../../../api/src/directory/users-sync.js';
import type { PersonDocument } from '../../../api/src/data/documents.js';

const BASE = 'https://graph.example';
const TENANT = 'tenant-select';
const NOW = new Date('2026-03-02T09:00:00.000Z');

function setup(stored: DirectorySyncState['users']) {
  let state: DirectorySyncState | undefined = { id: 'directory-sync', tenantId: TENANT, type: 'directorySync', users: stored, updatedAt: NOW.toISOString() } as DirectorySyncState;
  const people = new Map<string, PersonDocument>();
  const reads: string[] = [];
  const graph: DirectoryGraph = {
    baseUrl: BASE,
    configured: true,
    async get(_tenantId, url): Promise<GraphRead> {
      reads.push(url);
      const values = [{ id: 'u1', displayName: 'Greta Baumann', userPrincipalName: 'greta@contoso.example', preferredLanguage: 'de-de' }];
      return { kind: 'ok', body: {}, values, nextLink: undefined, deltaLink: `${BASE}/v1.0/users/delta?$deltatoken=round-${reads.length}` };
    },
  };
  const peopleRepository = {
    async patchFields(_tenantId: string, userId: string, fields: Partial<PersonDocument>) {
      const person = people.get(userId);
      if (!person) return false;
      people.set(userId, { ...person, ...fields });
      return true;
    },
    async createIfAbsent(person: PersonDocument) {
      if (people.has(person.id)) return 'exists' as const;
      people.set(person.id, person);
      return 'created' as const;
    },
    async listPeople() {
      return [...people.values()];
    },
  } as unknown as PeopleRepository;
  const syncState: DirectorySyncRepository = {
    get: async () => state,
    save: async (next) => void (state = structuredClone(next)),
  };
  const deps = { graph, people: peopleRepository, tasks: {} as TasksRepository, syncState, now: () => NOW, sleep: async () => undefined, pacing: { pageDelayMs: 0, maxRetryWaitMs: 0, maxRetries: 0 } };
  return { run: () => syncUsers(deps, TENANT, Date.now() + 60_000), reads, people, state: () => state! };
}

describe('the users sync after its $select changed', () => {
  it('starts a full round from a link made before the select was recorded, then follows its own links', async () => {
    const sync = setup({ deltaLink: `${BASE}/v1.0/users/delta?$deltatoken=made-without-preferredLanguage`, nextLink: null, completedAt: NOW.toISOString() });
    expect(await sync.run()).toEqual({ status: 'done', pages: 1 });
    expect(sync.reads).toEqual([firstUsersDeltaLink(BASE)]);
    expect(sync.reads[0]).toContain('preferredLanguage');
    expect(sync.people.get('u1')).toMatchObject({ preferredLanguage: 'de-DE' });
    expect(sync.state().users).toMatchObject({ deltaLink: `${BASE}/v1.0/users/delta?$deltatoken=round-1`, select: USERS_DELTA_SELECT });

    await sync.run();
    expect(sync.reads[1]).toBe(`${BASE}/v1.0/users/delta?$deltatoken=round-1`);
  });

  it('starts one from a link of another select too, and not from one of the current select', async () => {
    const other = setup({ deltaLink: `${BASE}/v1.0/users/delta?$deltatoken=old`, select: 'displayName,mail' });
    await other.run();
    expect(other.reads).toEqual([firstUsersDeltaLink(BASE)]);
    const same = setup({ deltaLink: `${BASE}/v1.0/users/delta?$deltatoken=current`, select: USERS_DELTA_SELECT });
    await same.run();
    expect(same.reads).toEqual([`${BASE}/v1.0/users/delta?$deltatoken=current`]);
  });
});
