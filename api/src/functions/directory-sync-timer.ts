/**
 * Timer trigger: syncs every onboarded tenant's people and linked teams from Microsoft Graph
 * (api/src/directory). Every five minutes, well inside the seven days a delta link lives; the run
 * budget stays under the schedule, and whatever a run leaves resumes from the stored links.
 */
import type { InvocationContext, Timer } from '@azure/functions';
import { getServices } from '../services.js';
import { logEvent } from '../telemetry/log.js';

export const DIRECTORY_SYNC_SCHEDULE = '0 */5 * * * *';

export async function directorySyncTimer(_timer: Timer, context: InvocationContext): Promise<void> {
  const reports = await getServices().directorySync.runAll({ maxRunMs: 240_000 });
  const notable = reports.filter((report) => report.users.pages > 0 || report.users.status !== 'done' || 'error' in report.teams || report.teams.changedPeople > 0 || report.teams.unreadGroups.length > 0);
  if (notable.length > 0) context.log(`directory sync: ${JSON.stringify(notable)}`);
  // One record per tenant and run: the sync-lag query reads the last `done` per tenant.
  for (const report of reports) logEvent(context, 'directory_sync', { tenantId: report.tenantId, status: report.users.status, pages: report.users.pages, teamsFailed: 'error' in report.teams });
}
