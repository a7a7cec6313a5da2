/**
 * Keeps a person's imported tasks equal to their source. Planner has no delta query in Graph v1.0:
 * its tasks are read in pages (GET /me/planner/tasks) and compared by ETag; a task missing at the
 * end of a complete round was removed at the source (or unassigned from the person). To Do lists
 * are followed with delta queries (GET /me/todo/lists/{id}/tasks/delta): changes and `@removed`
 * since the last deltaLink. Nothing is deleted: a task gone at the source is marked removed.
 *
 * Resumable: after each page the connection saves where it stands (the nextLink, or To Do's
 * deltaLink), so a sync stopped by 429 or a crash resumes from that page. Writes land on ids
 * derived from the source id, so re-reading a page never doubles a task.
 */
import type { AuditActor } from '../data/audit.js';
import type { PendingTaskWrite, StoredConnection, StoredTask, TaskSourcesRepository } from '../data/task-sources-repository.js';
import { fromPlanner, fromTodo, markedRemoved, reconcile, type PlannerTaskJson, type SourceTask, type TodoTaskJson } from '../domain/source-tasks.js';
import type { SyncOutcome, TaskSourceKind } from '../shared/task-source-contracts.js';
import { ConsentRequiredError, NoUserTokenError, type DelegatedTokens } from './delegated-token.js';
import type { GraphResult, TaskGraph } from './graph-tasks-client.js';

export interface TaskSourceServices {
  repository: TaskSourcesRepository;
  graph: TaskGraph;
  tokens: DelegatedTokens;
  now: () => Date;
  /** False where the API has no Graph app registration (GRAPH_CLIENT_ID): the home view then offers no sources. Absent = offered. */
  offered?: boolean;
}

export interface PersonSource {
  tenantId: string;
  personId: string;
  kind: TaskSourceKind;
  /** The person's SSO token, when the sync runs for their request (absent on the timer). */
  assertion?: string;
}

interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

export const syncActor = (personId: string, kind: TaskSourceKind): AuditActor => ({ id: personId, displayName: kind === 'planner' ? 'Sync from Planner' : 'Sync from To Do' });

/** Stops a sync: Graph throttled (resume later), or the person's consent or token is missing. */
export class SyncStop extends Error {
  constructor(readonly outcome: Pick<SyncOutcome, 'state' | 'retryAfterSeconds'>) {
    super(outcome.state);
  }
}

const running = new Map<string, Promise<SyncOutcome>>();

/** One sync of one person's source; a second request while one runs shares it. */
export function syncSource(services: TaskSourceServices, who: PersonSource): Promise<SyncOutcome> {
  const key = `${who.tenantId}|${who.personId}|${who.kind}`;
  let pending = running.get(key);
  if (!pending) {
    pending = runSync(services, who).finally(() => running.delete(key));
    running.set(key, pending);
  }
  return pending;
}

async function runSync(services: TaskSourceServices, who: PersonSource): Promise<SyncOutcome> {
  const outcome: SyncOutcome = { kind: who.kind, state: 'done', created: 0, updated: 0, removedAtSource: 0, graphCalls: 0 };
  const connection = await services.repository.connection(who.tenantId, who.personId, who.kind);
  if (!connection) return outcome;
  const callsBefore = services.graph.calls;
  try {
    const token = await tokenFor(services, who);
    const stored = new Map((await services.repository.importedTasks(who.tenantId, who.personId, who.kind)).map((task) => [task.source!.id, task]));
    const context: SyncContext = { services, who, token, connection, stored, outcome, at: services.now(), pending: [] };
    if (who.kind === 'planner') await syncPlanner(context);
    else await syncTodo(context);
    connection.lastSyncAt = context.at.toISOString();
  } catch (error) {
    if (!(error instanceof SyncStop)) throw error;
    Object.assign(outcome, error.outcome);
  } finally {
    await services.repository.saveConnection(connection);
    outcome.graphCalls = services.graph.calls - callsBefore;
  }
  return outcome;
}

async function tokenFor(services: TaskSourceServices, who: PersonSource): Promise<string> {
  try {
    return await services.tokens.get(who.tenantId, who.personId, 'Tasks.Read', who.assertion);
  } catch (error) {
    if (error instanceof ConsentRequiredError) throw new SyncStop({ state: 'consent_required' });
    if (error instanceof NoUserTokenError) throw new SyncStop({ state: 'not_signed_in' });
    throw error;
  }
}

interface SyncContext {
  services: TaskSourceServices;
  who: PersonSource;
  token: string;
  connection: StoredConnection;
  stored: Map<string, StoredTask>;
  outcome: SyncOutcome;
  at: Date;
  /** This page's writes, not yet flushed. */
  pending: PendingTaskWrite[];
}

/** A Graph read; throttling or lost consent stops the sync (its place is already saved). */
export async function read<T>(context: Pick<SyncContext, 'services' | 'who' | 'token'>, link: string): Promise<GraphResult<T>> {
  const result = await context.services.graph.get<T>(context.token, `${context.who.tenantId}|${context.who.personId}`, link);
  if (result.ok || result.kind === 'not_found') return result;
  if (result.kind === 'throttled') throw new SyncStop({ state: 'throttled', retryAfterSeconds: result.retryAfterSeconds ?? 1 });
  if (result.kind === 'forbidden' || result.kind === 'unauthorized') {
    context.services.tokens.forget(context.who.tenantId, context.who.personId);
    throw new SyncStop({ state: 'consent_required' });
  }
  throw new Error(result.message);
}

/** The write the source's current version asks for, if any (written with the page, by `flush`). */
function apply(context: SyncContext, incoming: SourceTask): void {
  const { who, connection, stored } = context;
  const wanted = connection.containerIds.includes(incoming.containerId) || connection.singles.some((single) => single.id === incoming.id);
  const before = stored.get(incoming.id);
  if (!wanted && !before) return;
  const name = connection.containerNames[incoming.containerId] ?? '';
  const change = reconcile(who.tenantId, who.personId, before, incoming, name, context.at.toISOString());
  if (change.kind === 'same') return;
  context.pending.push({ document: change.document, before, action: 'update' });
  if (before) context.outcome.updated += 1;
  else context.outcome.created += 1;
}

function markGone(context: SyncContext, task: StoredTask): void {
  const marked = markedRemoved(task, context.at.toISOString());
  if (!marked) return;
  context.pending.push({ document: marked, before: task, action: 'update' });
  context.outcome.removedAtSource += 1;
}

/** Writes a page's changes (before its place in the source is saved: a crash re-reads the page, doubling nothing). */
async function flush(context: SyncContext): Promise<void> {
  const written = await context.services.repository.writeTasks(context.pending, syncActor(context.who.personId, context.who.kind), context.at);
  for (const task of written) context.stored.set(task.source!.id, task);
  context.pending = [];
}

async function syncPlanner(context: SyncContext): Promise<void> {
  const { connection } = context;
  let link = connection.cursors.planner ?? '/me/planner/tasks';
  if (!connection.cursors.planner) connection.roundSeen = [];
  const seen = new Set(connection.roundSeen);
  for (;;) {
    const page = await read<Page<PlannerTaskJson>>(context, link);
    if (!page.ok) throw new Error(page.message);
    for (const item of page.body.value) {
      seen.add(item.id);
      if (!connection.containerNames[item.planId] && (connection.containerIds.includes(item.planId) || context.stored.has(item.id) || connection.singles.some((single) => single.id === item.id))) {
        const plan = await read<{ title: string }>(context, `/planner/plans/${encodeURIComponent(item.planId)}`);
        connection.containerNames[item.planId] = plan.ok ? plan.body.title : 'Planner';
      }
      apply(context, fromPlanner(item));
    }
    await flush(context);
    const next = page.body['@odata.nextLink'];
    connection.roundSeen = [...seen];
    if (!next) break;
    connection.cursors.planner = next;
    await context.services.repository.saveConnection(connection);
    link = next;
  }
  // A complete round: what was not listed is gone (deleted, or no longer assigned to the person).
  for (const task of context.stored.values()) if (!seen.has(task.source!.id)) markGone(context, task);
  await flush(context);
  delete connection.cursors.planner;
  connection.roundSeen = [];
}

async function syncTodo(context: SyncContext): Promise<void> {
  const { connection } = context;
  const lists = new Set([...connection.containerIds, ...connection.singles.map((single) => single.containerId), ...[...context.stored.values()].map((task) => task.source!.containerId)]);
  for (const listId of lists) {
    let link = connection.cursors[listId] ?? `/me/todo/lists/${encodeURIComponent(listId)}/tasks/delta`;
    for (;;) {
      const page = await read<Page<TodoTaskJson>>(context, link);
      if (!page.ok) {
        // The list itself is gone (or no longer the person's): its tasks were removed at the source.
        for (const task of context.stored.values()) if (task.source!.containerId === listId) markGone(context, task);
        await flush(context);
        delete connection.cursors[listId];
        break;
      }
      for (const item of page.body.value) {
        if (item['@removed']) {
          const task = context.stored.get(item.id);
          if (task) markGone(context, task);
        } else apply(context, fromTodo(item, listId));
      }
      await flush(context);
      const next = page.body['@odata.nextLink'] ?? page.body['@odata.deltaLink'];
      if (next) connection.cursors[listId] = next;
      await context.services.repository.saveConnection(connection);
      if (!page.body['@odata.nextLink'] || !next) break;
      link = next;
    }
  }
}
