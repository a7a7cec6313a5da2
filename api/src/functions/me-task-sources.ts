/**
 * The person's Planner and To Do: status, what can be brought in, bringing it in, syncing,
 * write-back setting and disconnecting. Everything acts on the caller's own source only: Graph is
 * called with a token on their behalf, so another person's or tenant's ids are simply not there (404).
 */
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { disconnectTaskSourceSchema, importSourceTasksSchema, taskSourceKindSchema, taskSourceSettingsSchema, type SyncOutcome } from '../shared/task-source-contracts.js';
import { ConsentRequiredError } from '../task-sources/delegated-token.js';
import { availableSourceTasks, disconnectSource, importSourceTasks, sourceStatus } from '../task-sources/task-import.js';
import { TaskSourcesUnavailableError } from '../task-sources/task-source-services.js';
import { syncSource } from '../task-sources/task-sync.js';
import { consentRequired, parseKind, personSource, sourceProblem, withSourceProblems } from './task-sources-support.js';

/**
 * GET /api/me/task-sources — per source: connected, consent granted or required, write-back, sync
 * state. No sources at all where the API has no Graph app registration (the tab then shows nothing).
 */
export const meTaskSourcesList = authenticatedHandler(async ({ request, caller, services }) => {
  const sources = [];
  for (const kind of taskSourceKindSchema.options) {
    try {
      sources.push(await sourceStatus(services.taskSources, personSource(caller, request, kind)));
    } catch (error) {
      if (error instanceof TaskSourcesUnavailableError) return json(200, { sources: [] });
      const answer = sourceProblem(error, caller.tenantId, kind);
      if (answer) return answer;
      throw error;
    }
  }
  return json(200, { sources });
});

/** GET /api/me/task-sources/{kind}/available — the person's plans (with their tasks) or lists. */
export const meTaskSourcesAvailable = authenticatedHandler(async ({ request, caller, services }) => {
  const kind = parseKind(request);
  if (!kind.ok) return kind.response;
  return withSourceProblems(caller.tenantId, kind.value, async () => json(200, await availableSourceTasks(services.taskSources, personSource(caller, request, kind.value))));
});

/** POST /api/me/task-sources/{kind}/import — brings in whole plans/lists and single tasks; each at most once. */
export const meTaskSourcesImport = authenticatedHandler(async ({ request, caller, services }) => {
  const kind = parseKind(request);
  if (!kind.ok) return kind.response;
  const body = await parseJsonBody(request, importSourceTasksSchema);
  if (!body.ok) return body.response;
  return withSourceProblems(caller.tenantId, kind.value, async () => {
    const result = await importSourceTasks(services.taskSources, personSource(caller, request, kind.value), body.value);
    if (result.status === 'not_found') return problems.notFound(`${result.what} is not one of your plans, lists or tasks.`);
    const tasks = await services.tasks.listForOwner(caller.tenantId, caller.userId);
    return json(200, { imported: result.imported.length, tasks: tasks.filter((task) => result.imported.includes(task.id)) });
  });
});

/** POST /api/me/task-sources/sync — syncs every connected source now (the tab calls it when opened). */
export const meTaskSourcesSync = authenticatedHandler(async ({ request, caller, services }) => {
  const outcomes: SyncOutcome[] = [];
  for (const kind of taskSourceKindSchema.options) {
    try {
      outcomes.push(await syncSource(services.taskSources, personSource(caller, request, kind)));
    } catch (error) {
      const answer = sourceProblem(error, caller.tenantId, kind);
      if (answer) return answer;
      throw error;
    }
  }
  return json(200, { outcomes });
});

/** PUT /api/me/task-sources/{kind}/settings — write-back on or off; on needs Tasks.ReadWrite consent first. */
export const meTaskSourcesSettings = authenticatedHandler(async ({ request, caller, services }) => {
  const kind = parseKind(request);
  if (!kind.ok) return kind.response;
  const body = await parseJsonBody(request, taskSourceSettingsSchema);
  if (!body.ok) return body.response;
  const who = personSource(caller, request, kind.value);
  return withSourceProblems(caller.tenantId, kind.value, async () => {
    const connection = await services.taskSources.repository.connection(who.tenantId, who.personId, who.kind);
    if (!connection) return problems.notFound('Bring tasks in first.');
    if (body.value.writeBack) {
      try {
        await services.taskSources.tokens.get(who.tenantId, who.personId, 'Tasks.ReadWrite', who.assertion);
      } catch (error) {
        if (error instanceof ConsentRequiredError) return consentRequired(caller.tenantId, kind.value, ['Tasks.ReadWrite']);
        throw error;
      }
    }
    await services.taskSources.repository.saveConnection({ ...connection, writeBack: body.value.writeBack });
    return json(200, await sourceStatus(services.taskSources, who));
  });
});

/** POST /api/me/task-sources/{kind}/disconnect — imported tasks stay as plain tasks (`keep`) or are removed. */
export const meTaskSourcesDisconnect = authenticatedHandler(async ({ request, caller, services }) => {
  const kind = parseKind(request);
  if (!kind.ok) return kind.response;
  const body = await parseJsonBody(request, disconnectTaskSourceSchema);
  if (!body.ok) return body.response;
  const result = await disconnectSource(services.taskSources, personSource(caller, request, kind.value), body.value.importedTasks);
  return json(200, { kind: kind.value, ...result });
});
