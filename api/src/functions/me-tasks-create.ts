import { actorOf } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { createTaskSchema } from '../shared/contracts.js';
import { taskLinkErrors } from './task-link-check.js';

/** POST /api/me/tasks — creates a task owned by the caller. 201 with the task and its ETag. */
export const meTasksCreate = authenticatedHandler(async ({ request, caller, services, newId }) => {
  const body = await parseJsonBody(request, createTaskSchema);
  if (!body.ok) return body.response;
  const errors = await taskLinkErrors(services, caller.tenantId, body.value, true);
  if (errors.length > 0) return problems.validation(errors);

  const task = await services.tasks.create(caller.tenantId, caller.userId, body.value, actorOf(caller), newId('task'));
  return json(201, task, { ETag: task.etag, Location: `/api/me/tasks/${task.id}` });
});
