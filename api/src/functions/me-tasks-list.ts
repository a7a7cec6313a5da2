import { authenticatedHandler } from '../http/handler.js';
import { json } from '../http/respond.js';
import type { TaskList } from '../shared/contracts.js';

/** GET /api/me/tasks — the caller's own tasks, oldest first. */
export const meTasksList = authenticatedHandler(async ({ caller, services }) => {
  const body: TaskList = { tasks: await services.tasks.listForOwner(caller.tenantId, caller.userId) };
  return json(200, body);
});
