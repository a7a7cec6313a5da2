import { containersOf } from '../data/cosmos-client.js';
import { listTaskLinksForExport } from '../data/strategy-map-export-reads.js';
import { exportCsv } from '../domain/strategy-map-csv.js';
import { buildExportFile } from '../domain/strategy-map-file.js';
import { nameVisibilityFor, visibleOwned } from '../domain/name-visibility.js';
import { requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { json } from '../http/respond.js';
import { API_SECURITY_HEADERS } from '../http/security-headers.js';
import { etagOfVersion, loadMapSnapshot } from './strategy-map-import-support.js';

/**
 * GET /api/strategy-map/export?format=json|csv (Leader/Admin) — the organisation, every strategy and
 * the task links the caller may see (an Admin every task's, a Leader their own team's), as a file to
 * download. The JSON file is exactly what POST /api/strategy-map/import reads back; the CSV has one
 * header row and one row per organisation, value, strategy and task.
 */
export const strategyMapExport = authenticatedHandler(async ({ request, caller, services }) => {
  const authorised = await requireLeader(services, caller);
  const format = request.query.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv') return problems.validation([{ path: 'format', message: 'Use format=json or format=csv' }]);

  const { tenantId } = caller;
  const [snapshot, tasks] = await Promise.all([
    loadMapSnapshot(services, tenantId),
    listTaskLinksForExport(containersOf(services.cosmos).tasks, tenantId),
  ]);
  const names = new Map(snapshot.people.map((person) => [person.id, person.displayName]));
  const { isAdmin, isLeader, person } = authorised;
  const visibility = nameVisibilityFor({ userId: caller.userId, isAdmin, isLeader, teamId: person?.teamId });
  const taskLinks = visibleOwned(visibility, tasks, snapshot.people).map((task) => ({
    taskId: task.id,
    title: task.title,
    ownerId: task.ownerId,
    ownerName: names.get(task.ownerId) ?? null,
    strategyId: task.strategyId,
    howItServes: task.howItServes,
  }));
  const exportedAt = services.now();
  const file = buildExportFile({ map: snapshot.map, taskLinks, mapVersion: snapshot.version, exportedAt });
  const filename = `strategy-map-${exportedAt.toISOString().slice(0, 10)}.${format}`;
  const headers = { 'Content-Disposition': `attachment; filename="${filename}"`, ETag: etagOfVersion(snapshot.version) };
  if (format === 'json') return json(200, file, headers);
  return {
    status: 200,
    headers: { ...API_SECURITY_HEADERS, ...headers, 'Content-Type': 'text/csv; charset=utf-8' },
    body: exportCsv(file, names),
  };
});
