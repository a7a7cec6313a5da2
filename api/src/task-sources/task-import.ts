/**
 * What a person can bring in from Planner or To Do, bringing it in, their connection's status, and
 * disconnecting (imported tasks kept as plain tasks, or removed, as they choose).
 */
import { connectionId, type PendingTaskWrite, type TaskSourceConnectionDocument } from '../data/task-sources-repository.js';
import { fromPlanner, fromTodo, importedTaskId, reconcile, type PlannerTaskJson, type SourceTask, type TodoTaskJson } from '../domain/source-tasks.js';
import type { AvailableSourceTasks, TaskSourceKind, TaskSourceStatus } from '../shared/task-source-contracts.js';
import { ConsentRequiredError } from './delegated-token.js';
import type { GraphResult } from './graph-tasks-client.js';
import { read, SyncStop, syncActor, type PersonSource, type TaskSourceServices } from './task-sync.js';

export interface AvailableContainer {
  id: string;
  name: string;
  tasks: SourceTask[];
}

/** Thrown when Graph throttles a listing: the route answers 429 with Retry-After. */
export class SourceThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('Graph is throttling');
  }
}

interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

async function allPages<T>(context: Parameters<typeof read>[0], first: string): Promise<T[] | undefined> {
  const items: T[] = [];
  let link: string | undefined = first;
  while (link) {
    const page: GraphResult<Page<T>> = await read<Page<T>>(context, link).catch((error: unknown) => {
      if (!(error instanceof SyncStop)) throw error;
      if (error.outcome.state === 'throttled') throw new SourceThrottledError(error.outcome.retryAfterSeconds ?? 1);
      throw new ConsentRequiredError(['Tasks.Read']);
    });
    if (!page.ok) return undefined;
    items.push(...page.body.value);
    link = page.body['@odata.nextLink'];
  }
  return items;
}

/** Every plan (with the person's tasks in it) or list (with its tasks) the person can bring in. */
export async function listSourceContainers(services: TaskSourceServices, who: PersonSource): Promise<AvailableContainer[]> {
  const token = await services.tokens.get(who.tenantId, who.personId, 'Tasks.Read', who.assertion);
  const context = { services, who, token };
  if (who.kind === 'planner') {
    const tasks = (await allPages<PlannerTaskJson>(context, '/me/planner/tasks')) ?? [];
    const plans = new Map<string, SourceTask[]>();
    for (const task of tasks.map(fromPlanner)) plans.set(task.containerId, [...(plans.get(task.containerId) ?? []), task]);
    const containers: AvailableContainer[] = [];
    for (const [planId, planTasks] of plans) {
      const plan = await read<{ title: string }>(context, `/planner/plans/${encodeURIComponent(planId)}`).catch(() => undefined);
      containers.push({ id: planId, name: plan?.ok ? plan.body.title : 'Planner', tasks: planTasks });
    }
    return containers;
  }
  const lists = (await allPages<{ id: string; displayName: string }>(context, '/me/todo/lists')) ?? [];
  const containers: AvailableContainer[] = [];
  for (const list of lists) {
    const tasks = (await allPages<TodoTaskJson>(context, `/me/todo/lists/${encodeURIComponent(list.id)}/tasks`)) ?? [];
    containers.push({ id: list.id, name: list.displayName, tasks: tasks.map((task) => fromTodo(task, list.id)) });
  }
  return containers;
}

export async function availableSourceTasks(services: TaskSourceServices, who: PersonSource): Promise<AvailableSourceTasks> {
  const containers = await listSourceContainers(services, who);
  const connection = await services.repository.connection(who.tenantId, who.personId, who.kind);
  const imported = new Set((await services.repository.importedTasks(who.tenantId, who.personId, who.kind)).map((task) => task.source!.id));
  return {
    kind: who.kind,
    containers: containers.map((container) => ({
      id: container.id,
      name: container.name,
      imported: connection?.containerIds.includes(container.id) ?? false,
      tasks: container.tasks.map((task) => ({ id: task.id, title: task.title, dueDate: task.dueDate, completed: task.completed, importedAs: imported.has(task.id) ? importedTaskId(who.personId, who.kind, task.id) : null })),
    })),
  };
}

export type ImportResult = { status: 'ok'; imported: string[] } | { status: 'not_found'; what: string };

/** Brings in whole plans/lists and single tasks: each at most once (the source id is the natural key). */
export async function importSourceTasks(services: TaskSourceServices, who: PersonSource, choice: { containerIds: string[]; tasks: { containerId: string; id: string }[] }): Promise<ImportResult> {
  const containers = new Map((await listSourceContainers(services, who)).map((container) => [container.id, container]));
  // Only what the person's own Planner / To Do lists: another person's or tenant's ids are not found.
  for (const id of choice.containerIds) if (!containers.has(id)) return { status: 'not_found', what: id };
  for (const task of choice.tasks) if (!containers.get(task.containerId)?.tasks.some((candidate) => candidate.id === task.id)) return { status: 'not_found', what: task.id };

  const at = services.now();
  const connection: TaskSourceConnectionDocument = (await services.repository.connection(who.tenantId, who.personId, who.kind)) ?? {
    id: connectionId(who.personId, who.kind), tenantId: who.tenantId, type: 'taskSourceConnection', personId: who.personId, kind: who.kind,
    connectedAt: at.toISOString(), writeBack: false, containerIds: [], singles: [], containerNames: {}, cursors: {}, roundSeen: [], lastSyncAt: null,
  };
  connection.containerIds = [...new Set([...connection.containerIds, ...choice.containerIds])];
  for (const task of choice.tasks) if (!connection.singles.some((single) => single.id === task.id)) connection.singles.push(task);
  const chosen = [
    ...choice.containerIds.flatMap((id) => containers.get(id)!.tasks),
    ...choice.tasks.map((task) => containers.get(task.containerId)!.tasks.find((candidate) => candidate.id === task.id)!),
  ];
  for (const container of containers.values()) if (chosen.some((task) => task.containerId === container.id)) connection.containerNames[container.id] = container.name;
  await services.repository.saveConnection(connection);

  const stored = new Map((await services.repository.importedTasks(who.tenantId, who.personId, who.kind)).map((task) => [task.source!.id, task]));
  const writes: PendingTaskWrite[] = [];
  const unique = [...new Map(chosen.map((candidate) => [candidate.id, candidate])).values()];
  for (const task of unique) {
    const before = stored.get(task.id);
    const change = reconcile(who.tenantId, who.personId, before, task, connection.containerNames[task.containerId] ?? '', at.toISOString());
    if (change.kind !== 'same') writes.push({ document: change.document, before, action: before ? 'update' : 'import' });
  }
  await services.repository.writeTasks(writes, syncActor(who.personId, who.kind), at);
  const imported = unique.map((task) => importedTaskId(who.personId, who.kind, task.id));
  return { status: 'ok', imported };
}

export async function sourceStatus(services: TaskSourceServices, who: PersonSource): Promise<TaskSourceStatus> {
  const connection = await services.repository.connection(who.tenantId, who.personId, who.kind);
  let consent: TaskSourceStatus['consent'] = 'granted';
  try {
    await services.tokens.get(who.tenantId, who.personId, 'Tasks.Read', who.assertion);
  } catch (error) {
    if (!(error instanceof ConsentRequiredError)) throw error;
    consent = 'required';
  }
  const imported = connection ? await services.repository.importedTasks(who.tenantId, who.personId, who.kind) : [];
  return {
    kind: who.kind,
    connected: Boolean(connection),
    consent,
    writeBack: connection?.writeBack ?? false,
    containerIds: connection?.containerIds ?? [],
    singleTasks: connection?.singles.length ?? 0,
    importedTasks: imported.length,
    lastSyncAt: connection?.lastSyncAt ?? null,
    syncPending: Object.keys(connection?.cursors ?? {}).some((key) => key === 'planner' || !connection!.cursors[key]!.includes('deltatoken')),
  };
}

/** Ends the connection; imported tasks become plain tasks (`keep`) or are deleted (`remove`), each audited. */
export async function disconnectSource(services: TaskSourceServices, who: PersonSource, importedTasks: 'keep' | 'remove'): Promise<{ kept: number; removed: number }> {
  const at = services.now();
  const tasks = await services.repository.importedTasks(who.tenantId, who.personId, who.kind);
  const actor = syncActor(who.personId, who.kind);
  for (const task of tasks) {
    if (importedTasks === 'remove') await services.repository.deleteTask(task, actor, at);
    else {
      const { source: _source, ...plain } = task;
      await services.repository.writeTask({ ...plain, updatedAt: at.toISOString() }, task, 'update', actor, at);
    }
  }
  await services.repository.deleteConnection(who.tenantId, who.personId, who.kind as TaskSourceKind);
  services.tokens.forget(who.tenantId, who.personId);
  return importedTasks === 'remove' ? { kept: 0, removed: tasks.length } : { kept: tasks.length, removed: 0 };
}
