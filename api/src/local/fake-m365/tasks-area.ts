/**
 * Planner and Microsoft To Do in the fake Graph, answered for the person a delegated (on-behalf-of)
 * token names, as Graph answers them:
 * - GET /me/planner/tasks (tasks assigned to me, in pages), GET /planner/plans/{id},
 *   GET /planner/tasks/{id}, PATCH /planner/tasks/{id} (If-Match required: stale → 412);
 * - GET /me/todo/lists, GET /me/todo/lists/{id}/tasks, GET …/tasks/delta (nextLink, deltaLink,
 *   `@removed`), GET and PATCH …/tasks/{taskId} (If-Match honoured when sent).
 * An app-only token gets 400 (a /me request needs a delegated token); a token without the scope, or
 * whose person withdrew consent, 403; another person's list 404. Pages hold at most `pageSize` items.
 */
import { graphError, type GraphArea, type GraphRequest } from './graph-context.js';
import { etagOf, type FakePlannerTask, type FakeTodoList, type FakeTodoTask } from './work.js';

const READ = ['Tasks.Read', 'Tasks.ReadWrite'];
const WRITE = ['Tasks.ReadWrite'];

/** Answers 401/400/403 when the token may not do this for its person; otherwise the person's id. */
function delegatedUser(request: GraphRequest, anyOf: readonly string[]): string | undefined {
  const token = request.token;
  if (!token) return void request.send(401, graphError('InvalidAuthenticationToken', 'Access token is missing, invalid or expired.'));
  if (!token.userId || !request.tenant) return void request.send(400, graphError('BadRequest', '/me request is only valid with delegated authentication flow.'));
  const consented = request.tenant.delegatedConsent.get(token.userId) ?? new Set<string>();
  if (!anyOf.some((scope) => token.scopes?.includes(scope) && consented.has(scope))) {
    return void request.send(403, graphError('Forbidden', `Missing scope permissions on the request. API requires one of '${anyOf.join(', ')}'.`));
  }
  return token.userId;
}

const plannerJson = (task: FakePlannerTask) => ({
  '@odata.etag': etagOf(task.id, task.version),
  id: task.id,
  planId: task.planId,
  title: task.title,
  percentComplete: task.percentComplete ?? 0,
  dueDateTime: task.dueDateTime ?? null,
  assignments: Object.fromEntries(task.assigneeIds.map((id) => [id, { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: '8585' }])),
});

const todoJson = (task: FakeTodoTask) => ({
  '@odata.etag': etagOf(task.id, task.version),
  id: task.id,
  title: task.title,
  status: task.status ?? 'notStarted',
  dueDateTime: task.dueDate ? { dateTime: `${task.dueDate}T00:00:00.0000000`, timeZone: 'UTC' } : null,
});

function paged(request: GraphRequest, items: unknown[], pageSize: number, extra: Record<string, unknown> = {}): void {
  const skip = Number(Buffer.from(request.url.searchParams.get('$skiptoken') ?? '', 'base64url').toString() || '0');
  const top = Math.min(Number(request.url.searchParams.get('$top') ?? pageSize), pageSize);
  const body: Record<string, unknown> = { value: items.slice(skip, skip + top), ...extra };
  if (skip + top < items.length) {
    const next = new URL(request.url.pathname, request.baseUrl);
    next.searchParams.set('$skiptoken', Buffer.from(String(skip + top)).toString('base64url'));
    body['@odata.nextLink'] = next.toString();
  }
  request.send(200, body);
}

/** A delta round over a list's change log: from a position (deltatoken) up to where the round began. */
function todoDelta(request: GraphRequest, list: FakeTodoList, pageSize: number): void {
  const params = request.url.searchParams;
  const decode = (value: string | null) => (value ? (JSON.parse(Buffer.from(value, 'base64url').toString()) as { from: number; upTo: number; skip: number }) : undefined);
  const round = decode(params.get('$skiptoken')) ?? { from: Number(params.get('$deltatoken') ?? '0') || 0, upTo: list.log.length, skip: 0 };
  const changed = [...new Set(list.log.slice(round.from, round.upTo).reverse())].reverse();
  const items = changed.flatMap((id): object[] => {
    const task = list.tasks.get(id);
    if (task) return [todoJson(task)];
    return round.from === 0 ? [] : [{ id, '@removed': { reason: 'deleted' } }];
  });
  const page = items.slice(round.skip, round.skip + pageSize);
  const link = new URL(request.url.pathname, request.baseUrl);
  const body: Record<string, unknown> = { value: page };
  if (round.skip + pageSize < items.length) {
    link.searchParams.set('$skiptoken', Buffer.from(JSON.stringify({ ...round, skip: round.skip + pageSize })).toString('base64url'));
    body['@odata.nextLink'] = link.toString();
  } else {
    link.searchParams.set('$deltatoken', String(round.upTo));
    body['@odata.deltaLink'] = link.toString();
  }
  request.send(200, body);
}

export function tasksArea(options: { pageSize: number; overLimit: (key: string, kind: string) => boolean }): GraphArea {
  return async (request) => {
    const path = request.url.pathname.replace(/^\/v1\.0/, '');
    const method = request.method;
    const isPlanner = /^\/(me\/planner\/tasks|planner\/(plans|tasks)\/[^/]+)$/.test(path);
    const isTodo = /^\/me\/todo\/lists(\/[^/]+\/tasks(\/delta|\/[^/]+)?)?$/.test(path);
    if (!isPlanner && !isTodo) return false;
    const userId = delegatedUser(request, method === 'GET' ? READ : WRITE);
    if (!userId) return true;
    const tenant = request.tenant!;
    if (options.overLimit(`${tenant.id}/${userId}`, 'tasks')) {
      request.send(429, graphError('TooManyRequests', 'Too many requests for this user.'), { 'retry-after': '1' });
      return true;
    }
    const work = tenant.work;
    const notFound = () => request.send(404, graphError('NotFound', 'The requested item is not found.'));

    if (path === '/me/planner/tasks' && method === 'GET') {
      const mine = [...work.plans.values()].flatMap((plan) => [...plan.tasks.values()].filter((task) => task.assigneeIds.includes(userId)));
      paged(request, mine.map(plannerJson), options.pageSize);
      return true;
    }
    const plan = /^\/planner\/plans\/([^/]+)$/.exec(path);
    if (plan && method === 'GET') {
      const found = work.plans.get(decodeURIComponent(plan[1]!));
      if (!found) return notFound(), true;
      request.send(200, { '@odata.etag': etagOf(found.id, 1), id: found.id, title: found.title, owner: found.groupId ?? null });
      return true;
    }
    const plannerTask = /^\/planner\/tasks\/([^/]+)$/.exec(path);
    if (plannerTask) {
      const task = work.plannerTask(decodeURIComponent(plannerTask[1]!));
      if (!task || !task.assigneeIds.includes(userId)) return notFound(), true;
      if (method === 'GET') return request.send(200, plannerJson(task)), true;
      if (method !== 'PATCH') return false;
      if (request.req.headers['if-match'] !== etagOf(task.id, task.version)) {
        request.send(412, graphError('PreconditionFailed', 'The If-Match header does not match the current ETag of the task.'));
        return true;
      }
      const changes = JSON.parse((await request.readBody()) || '{}') as { percentComplete?: number; title?: string; dueDateTime?: string | null };
      const updated = work.updatePlannerTask(task.id, changes);
      if (request.req.headers.prefer === 'return=representation') request.send(200, plannerJson(updated));
      else request.send(204);
      return true;
    }

    if (path === '/me/todo/lists' && method === 'GET') {
      const lists = [...work.todoLists.values()].filter((list) => list.ownerId === userId);
      paged(request, lists.map((list) => ({ '@odata.etag': etagOf(list.id, 1), id: list.id, displayName: list.displayName, wellknownListName: 'none' })), options.pageSize);
      return true;
    }
    const todo = /^\/me\/todo\/lists\/([^/]+)\/tasks(?:\/(delta|[^/]+))?$/.exec(path);
    if (!todo) return false;
    const list = work.todoLists.get(decodeURIComponent(todo[1]!));
    if (!list || list.ownerId !== userId) return notFound(), true;
    if (!todo[2] && method === 'GET') return paged(request, [...list.tasks.values()].map(todoJson), options.pageSize), true;
    if (todo[2] === 'delta' && method === 'GET') return todoDelta(request, list, options.pageSize), true;
    const task = list.tasks.get(decodeURIComponent(todo[2] ?? ''));
    if (!task) return notFound(), true;
    if (method === 'GET') return request.send(200, todoJson(task)), true;
    if (method !== 'PATCH') return false;
    const ifMatch = request.req.headers['if-match'];
    if (ifMatch && ifMatch !== etagOf(task.id, task.version)) {
      request.send(412, graphError('PreconditionFailed', 'The ETag does not match the current version of the task.'));
      return true;
    }
    const changes = JSON.parse((await request.readBody()) || '{}') as { status?: FakeTodoTask['status']; title?: string };
    request.send(200, todoJson(work.updateTodoTask(list.id, task.id, changes)));
    return true;
  };
}
