/**
 * Where work lives in a fake tenant: Planner plans with their tasks (assigned to people), and each
 * person's Microsoft To Do lists. Every task carries a version from which the fake derives its
 * `@odata.etag`, so If-Match on a stale ETag answers 412 as Graph does. To Do lists keep a change
 * log per list: `/tasks/delta` answers "what changed since this link", deletions as `@removed`.
 * (Graph offers delta for To Do tasks; Planner tasks have none in v1.0, so they are read in pages.)
 */

export interface FakePlannerTaskInit {
  id: string;
  title: string;
  /** ISO date-time, or null. */
  dueDateTime?: string | null;
  /** 0, 50 or 100 (100 = completed). */
  percentComplete?: number;
  /** User ids the task is assigned to. */
  assigneeIds: string[];
}

export interface FakePlanInit {
  id: string;
  title: string;
  /** The Microsoft 365 group that owns the plan. */
  groupId?: string;
  tasks: FakePlannerTaskInit[];
}

export interface FakeTodoTaskInit {
  id: string;
  title: string;
  status?: 'notStarted' | 'inProgress' | 'completed';
  /** yyyy-mm-dd, or null. */
  dueDate?: string | null;
}

export interface FakeTodoListInit {
  id: string;
  displayName: string;
  /** The user whose list this is (To Do lists are personal). */
  ownerId: string;
  tasks: FakeTodoTaskInit[];
}

export interface FakePlannerTask extends FakePlannerTaskInit {
  planId: string;
  version: number;
}

export interface FakePlan {
  id: string;
  title: string;
  groupId?: string;
  tasks: Map<string, FakePlannerTask>;
}

export interface FakeTodoTask extends FakeTodoTaskInit {
  listId: string;
  version: number;
}

export interface FakeTodoList {
  id: string;
  displayName: string;
  ownerId: string;
  tasks: Map<string, FakeTodoTask>;
  /** Change log: position n holds the id of the task changed (or removed) by change n + 1. */
  log: string[];
}

export interface FakeWork {
  readonly plans: Map<string, FakePlan>;
  readonly todoLists: Map<string, FakeTodoList>;
  addPlan(init: FakePlanInit): void;
  addTodoList(init: FakeTodoListInit): void;
  plannerTask(taskId: string): FakePlannerTask | undefined;
  addPlannerTask(planId: string, task: FakePlannerTaskInit): void;
  updatePlannerTask(taskId: string, changes: Partial<Omit<FakePlannerTaskInit, 'id'>>): FakePlannerTask;
  removePlannerTask(taskId: string): void;
  addTodoTask(listId: string, task: FakeTodoTaskInit): void;
  updateTodoTask(listId: string, taskId: string, changes: Partial<Omit<FakeTodoTaskInit, 'id'>>): FakeTodoTask;
  removeTodoTask(listId: string, taskId: string): void;
}

/** The ETag Graph would give this version of a task: opaque, changes on every write. */
export const etagOf = (id: string, version: number): string => `W/"${Buffer.from(`${id}@${version}`).toString('base64')}"`;

export function createFakeWork(plans: readonly FakePlanInit[] = [], lists: readonly FakeTodoListInit[] = []): FakeWork {
  const work: FakeWork = {
    plans: new Map(),
    todoLists: new Map(),
    addPlan(init) {
      work.plans.set(init.id, { id: init.id, title: init.title, ...(init.groupId ? { groupId: init.groupId } : {}), tasks: new Map() });
      for (const task of init.tasks) work.addPlannerTask(init.id, task);
    },
    addTodoList(init) {
      work.todoLists.set(init.id, { id: init.id, displayName: init.displayName, ownerId: init.ownerId, tasks: new Map(), log: [] });
      for (const task of init.tasks) work.addTodoTask(init.id, task);
    },
    plannerTask(taskId) {
      for (const plan of work.plans.values()) {
        const task = plan.tasks.get(taskId);
        if (task) return task;
      }
      return undefined;
    },
    addPlannerTask(planId, task) {
      const plan = work.plans.get(planId);
      if (!plan) throw new Error(`The fake has no plan ${planId}`);
      plan.tasks.set(task.id, { percentComplete: 0, dueDateTime: null, ...task, assigneeIds: [...task.assigneeIds], planId, version: 1 });
    },
    updatePlannerTask(taskId, changes) {
      const task = work.plannerTask(taskId);
      if (!task) throw new Error(`The fake has no Planner task ${taskId}`);
      Object.assign(task, changes, { version: task.version + 1 });
      return task;
    },
    removePlannerTask(taskId) {
      const task = work.plannerTask(taskId);
      if (task) work.plans.get(task.planId)?.tasks.delete(taskId);
    },
    addTodoTask(listId, task) {
      const list = needList(listId);
      list.tasks.set(task.id, { status: 'notStarted', dueDate: null, ...task, listId, version: 1 });
      list.log.push(task.id);
    },
    updateTodoTask(listId, taskId, changes) {
      const list = needList(listId);
      const task = list.tasks.get(taskId);
      if (!task) throw new Error(`The fake has no To Do task ${taskId}`);
      Object.assign(task, changes, { version: task.version + 1 });
      list.log.push(taskId);
      return task;
    },
    removeTodoTask(listId, taskId) {
      const list = needList(listId);
      if (list.tasks.delete(taskId)) list.log.push(taskId);
    },
  };
  function needList(listId: string): FakeTodoList {
    const list = work.todoLists.get(listId);
    if (!list) throw new Error(`The fake has no To Do list ${listId}`);
    return list;
  }
  for (const plan of plans) work.addPlan(plan);
  for (const list of lists) work.addTodoList(list);
  return work;
}
