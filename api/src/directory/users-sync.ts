/**
 * One tenant's people from Microsoft Graph `GET /users/delta` (application permission User.Read.All):
 * display name, UPN, mail, department, job title, account enabled, preferred language (what the
 * notifications are written in until the person's Teams client says), and the manager through
 * `$expand=manager` (Graph answers it as `manager@delta`). Pages are read one after another, paced,
 * and after each applied page its @odata.nextLink (or, at the end of the round, the @odata.deltaLink)
 * is stored: a crash, a timeout or a throttled page resumes from the last stored link, and a page
 * applied twice changes nothing (every write sets values; creates are create-if-absent).
 *
 * Throttling: 429/503 with a Retry-After the run can afford is waited out and the same link read
 * again; a longer one (or none, three times running) ends the tenant's turn, to resume at the next
 * run. An expired link (Graph keeps delta state seven days) starts a full round: everyone is listed
 * again, and at its end whoever the directory sync had written before but did not see is removed.
 */
import type { DirectorySyncRepository, DirectorySyncState } from '../data/directory-sync-repository.js';
import { DIRECTORY_SYNC_STATE_ID } from '../data/directory-sync-repository.js';
import type { PeopleRepository } from '../data/people-repository.js';
import type { TasksRepository } from '../data/tasks-repository.js';
import { anonymisedPerson, isRemovedEntry, personFromDirectory, profileFieldsFrom } from '../domain/directory-people.js';
import type { DirectoryGraph } from './graph-reader.js';

export const USERS_DELTA_SELECT = 'displayName,mail,userPrincipalName,department,jobTitle,accountEnabled,preferredLanguage';

/** Who the audit entries of the sync's own changes (a removed person's tasks) name. */
export const DIRECTORY_SYNC_ACTOR = { id: 'directory-sync', displayName: 'Directory sync' };

export interface SyncPacing {
  /** Pause between two page reads of one tenant. */
  pageDelayMs: number;
  /** The longest Retry-After waited out inside a run; longer ends the tenant's turn. */
  maxRetryWaitMs: number;
  /** Reads without Retry-After that failed in a row before the turn ends. */
  maxRetries: number;
}

export interface UsersSyncDependencies {
  graph: DirectoryGraph;
  people: PeopleRepository;
  tasks: TasksRepository;
  syncState: DirectorySyncRepository;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  pacing: SyncPacing;
  /** After a person is anonymised (the first-request cache forgets them). */
  onRemoved?: (tenantId: string, userId: string) => void;
}

export type UsersSyncOutcome = { status: 'done' | 'paused' | 'throttled'; pages: number } | { status: 'failed'; pages: number; detail: string };

export const firstUsersDeltaLink = (baseUrl: string) => `${baseUrl}/v1.0/users/delta?$select=${USERS_DELTA_SELECT}&$expand=manager`;

/** Removes a person deleted from the tenant: their tasks first, then their record (a repeat does nothing more). */
export async function removePerson(deps: Pick<UsersSyncDependencies, 'people' | 'tasks' | 'now' | 'onRemoved'>, tenantId: string, userId: string): Promise<void> {
  for (const task of await deps.tasks.listForOwner(tenantId, userId)) {
    await deps.tasks.remove(tenantId, userId, task.id, undefined, DIRECTORY_SYNC_ACTOR);
  }
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const person = await deps.people.readPerson(tenantId, userId);
    if (!person || person.removedAt) break;
    if ((await deps.people.replace(anonymisedPerson(person, deps.now().toISOString()), person._etag)) === 'ok') break;
  }
  deps.onRemoved?.(tenantId, userId);
}

async function applyUser(deps: UsersSyncDependencies, tenantId: string, user: Record<string, unknown>): Promise<void> {
  if (typeof user.id !== 'string' || user.id === '') return;
  if (isRemovedEntry(user)) return removePerson(deps, tenantId, user.id);
  const syncedAt = deps.now().toISOString();
  const fields = { ...profileFieldsFrom(user), syncedAt, removedAt: null };
  if (await deps.people.patchFields(tenantId, user.id, fields)) return;
  // Not known yet: create them; if their first request (or another run) created them meanwhile, update that.
  if ((await deps.people.createIfAbsent(personFromDirectory(tenantId, user.id, fields, syncedAt))) === 'exists') await deps.people.patchFields(tenantId, user.id, fields);
}

/** Applies a page a few users at a time (bounded work in flight against the store). */
async function applyPage(deps: UsersSyncDependencies, tenantId: string, users: readonly Record<string, unknown>[]): Promise<void> {
  for (let index = 0; index < users.length; index += 4) await Promise.all(users.slice(index, index + 4).map((user) => applyUser(deps, tenantId, user)));
}

/** After a full round: whoever the sync wrote before the round started and did not see in it has left. */
async function sweepUnseen(deps: UsersSyncDependencies, tenantId: string, roundStartedAt: string): Promise<void> {
  const unseen = (await deps.people.listPeople(tenantId)).filter((person) => person.syncedAt !== undefined && person.syncedAt < roundStartedAt && !person.removedAt);
  for (const person of unseen) await removePerson(deps, tenantId, person.id);
}

export async function syncUsers(deps: UsersSyncDependencies, tenantId: string, deadlineMs: number): Promise<UsersSyncOutcome> {
  const stored = await deps.syncState.get(tenantId);
  const state: DirectorySyncState = stored ?? { id: DIRECTORY_SYNC_STATE_ID, tenantId, type: 'directorySync', users: {}, updatedAt: deps.now().toISOString() };
  // Every link saved belongs to a round of this $select (a stale one restarts below).
  const save = async (users: DirectorySyncState['users']) => {
    state.users = { ...users, select: USERS_DELTA_SELECT };
    state.updatedAt = deps.now().toISOString();
    await deps.syncState.save(state);
  };
  const startFullRound = () => save({ nextLink: firstUsersDeltaLink(deps.graph.baseUrl), fullRoundStartedAt: deps.now().toISOString() });
  // A link on another Graph base URL (settings changed, or a local fake restarted on a new port) is unusable.
  const usable = (link: string | null | undefined) => Boolean(link?.startsWith(`${deps.graph.baseUrl}/`));
  // A delta link keeps the $select of the round that made it: after the select changed (a property
  // added), only a full round lists everyone with the new property.
  if ((!usable(state.users.nextLink) && !usable(state.users.deltaLink)) || state.users.select !== USERS_DELTA_SELECT) await startFullRound();
  else if (state.users.nextLink && !usable(state.users.nextLink)) await save({ ...state.users, nextLink: null });

  let pages = 0;
  let retries = 0;
  let restarted = false;
  for (;;) {
    if (Date.now() >= deadlineMs) return { status: 'paused', pages };
    const url = state.users.nextLink ?? state.users.deltaLink!;
    const read = await deps.graph.get(tenantId, url);
    if (read.kind === 'throttled') {
      const wait = read.retryAfterMs ?? 2_000 * 2 ** retries;
      retries += 1;
      if (wait > deps.pacing.maxRetryWaitMs || retries > deps.pacing.maxRetries || Date.now() + wait >= deadlineMs) return { status: 'throttled', pages };
      await deps.sleep(wait);
      continue;
    }
    retries = 0;
    if (read.kind === 'expired') {
      if (restarted) return { status: 'failed', pages, detail: 'Graph refused a fresh delta round' };
      restarted = true;
      await startFullRound();
      continue;
    }
    if (read.kind !== 'ok') return { status: 'failed', pages, detail: read.kind === 'failed' ? read.detail : 'Graph answered 404 for /users/delta' };

    await applyPage(deps, tenantId, read.values);
    pages += 1;
    if (read.nextLink) {
      await save({ ...state.users, nextLink: read.nextLink });
      await deps.sleep(deps.pacing.pageDelayMs);
      continue;
    }
    const roundStartedAt = state.users.fullRoundStartedAt;
    if (roundStartedAt) await sweepUnseen(deps, tenantId, roundStartedAt);
    await save({ deltaLink: read.deltaLink ?? null, nextLink: null, fullRoundStartedAt: null, completedAt: deps.now().toISOString() });
    return { status: 'done', pages };
  }
}
