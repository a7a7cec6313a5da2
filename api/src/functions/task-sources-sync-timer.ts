/**
 * Timer trigger: syncs the Planner and To Do connections of people whose on-behalf-of token this
 * instance still holds (the tab's open syncs everyone else when they come back). One person at a
 * time, paced per person by the Graph client; a run stops after its budget and the rest wait for
 * the next tick, resuming where they stood.
 */
import type { InvocationContext, Timer } from '@azure/functions';
import { getServices } from '../services.js';
import { syncSource } from '../task-sources/task-sync.js';

export const TASK_SOURCES_SYNC_SCHEDULE = '0 */15 * * * *';
const RUN_BUDGET_MS = 4 * 60_000;

export async function taskSourcesSyncTimer(_timer: Timer, context: InvocationContext): Promise<void> {
  const services = getServices();
  const { taskSources } = services;
  const started = Date.now();
  let synced = 0;
  for (const tenantId of await services.tenants.listIds()) {
    for (const connection of await taskSources.repository.connections(tenantId)) {
      if (Date.now() - started > RUN_BUDGET_MS) return void context.log(`task sources: budget used after ${synced} syncs`);
      if (!taskSources.tokens.has(tenantId, connection.personId, 'Tasks.Read')) continue;
      await syncSource(taskSources, { tenantId, personId: connection.personId, kind: connection.kind }).catch((error: unknown) => context.error('task source sync failed', error));
      synced += 1;
    }
  }
  if (synced > 0) context.log(`task sources synced: ${synced}`);
}
