/**
 * What the directory tests share: a local stack running the fake Microsoft 365 of `npm start` (the
 * demo tenants, consented, and Northwind, not onboarded), its directory for the test to change as an
 * IT admin would (`upsertUser`, `removeUser`, `setGroupMembers`), the timers, and a read-only view of
 * the stored documents. Tests write nothing to the database themselves.
 */
import { randomUUID } from 'node:crypto';
import type { FakeDirectory, FakeUser } from '../../../api/src/local/fake-m365/directory.js';
import type { FakeGraph } from '../../../api/src/local/fake-m365/fake-graph.js';
import type { PersonDocument, TeamDocument } from '../../../api/src/data/documents.js';
import { startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';

export { CONTOSO_IDS, FABRIKAM_IDS } from '../support/api-test-stack.js';

export interface DirectoryTestStack {
  api: ApiTestStack;
  graph: FakeGraph;
  directory: FakeDirectory;
  /** Runs the directory sync timer once, as the Functions host would. */
  sync(): Promise<void>;
  person(tenantId: string, userId: string): Promise<(PersonDocument & { _etag: string }) | undefined>;
  team(tenantId: string, teamId: string): Promise<(TeamDocument & { _etag: string }) | undefined>;
  /** Graph requests the API made to a path containing `fragment`, for this tenant. */
  graphRequests(tenantId: string, fragment: string): string[];
  close(): Promise<void>;
}

export async function startDirectoryTestStack(): Promise<DirectoryTestStack> {
  const api = await startApiTestStack({ fakeM365: true });
  const graph = api.stack.fakeM365!;
  const timer = api.stack.timers.find((candidate) => candidate.name === 'directory-sync-timer');
  const documents = async (tenantId: string) => api.storedDocuments<Record<string, unknown>>('directory', tenantId);
  return {
    api,
    graph,
    directory: graph.directory,
    async sync() {
      if (!timer) throw new Error('No directory-sync-timer registered');
      await timer.run();
    },
    async person(tenantId, userId) {
      return (await documents(tenantId)).find((doc) => doc.id === userId && doc.type === 'person') as (PersonDocument & { _etag: string }) | undefined;
    },
    async team(tenantId, teamId) {
      return (await documents(tenantId)).find((doc) => doc.id === teamId && doc.type === 'team') as (TeamDocument & { _etag: string }) | undefined;
    },
    graphRequests(tenantId, fragment) {
      return graph.requests.filter((entry) => entry.tenantId === tenantId && entry.request.includes(fragment)).map((entry) => entry.request);
    },
    close: () => api.close(),
  };
}

/** A user of the test's own, with a fresh id (and a UPN in `domain`). */
export function newUser(name: string, domain: string, extra: Partial<FakeUser> = {}): FakeUser {
  const upn = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${domain}`;
  return { id: randomUUID(), displayName: name, userPrincipalName: upn, mail: upn, ...extra };
}

/** Declares a group (a team in Teams when `isTeam`) in the fake tenant with these users as members. */
export function addGroup(env: DirectoryTestStack, tenantId: string, groupId: string, group: { displayName: string; isTeam: boolean }, members: readonly { id: string; userPrincipalName: string }[]): void {
  env.directory.tenant(tenantId)!.groups.set(groupId, { ...group, members: [] });
  env.directory.setGroupMembers(tenantId, groupId, [...members]);
}
