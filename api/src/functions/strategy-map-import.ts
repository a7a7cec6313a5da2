import { namesById, personIdsIn } from '../domain/change-history.js';
import { inRowOrder, previewImport, summarise } from '../domain/strategy-map-import.js';
import { actorOf, requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem, problems } from '../http/problem.js';
import { json } from '../http/respond.js';
import { ifMatchOf } from '../http/route-params.js';
import type { ImportError, ImportResult } from '../shared/contracts.js';
import { addTaskCounts, etagOfVersion, importWrites, loadMapSnapshot, matchesVersion, readImportBody } from './strategy-map-import-support.js';

const problemErrors = (errors: readonly ImportError[]) =>
  errors.map((error) => ({ ...error, path: error.row === null ? error.field : `rows.${error.row}.${error.field}` }));

/**
 * POST /api/strategy-map/import?dryRun=true|false (Leader/Admin), body: the JSON or CSV export file.
 * dryRun=true (the default) previews every change and every error and writes nothing. dryRun=false
 * needs If-Match: the mapVersion of the preview (412 if the map changed since), refuses any error with
 * 400 and writes nothing, else writes all changes with their audit entries in one transactional batch.
 */
export const strategyMapImport = authenticatedHandler(async ({ request, caller, services }) => {
  const authorised = await requireLeader(services, caller);
  const dryRunParam = request.query.get('dryRun') ?? 'true';
  if (dryRunParam !== 'true' && dryRunParam !== 'false') return problems.validation([{ path: 'dryRun', message: 'Use dryRun=true or dryRun=false' }]);
  const dryRun = dryRunParam === 'true';
  const ifMatch = dryRun ? undefined : ifMatchOf(request, 'strategy map');
  if (ifMatch && !ifMatch.ok) return ifMatch.response;
  const body = await readImportBody(request);
  if (!body.ok) return body.response;

  const { tenantId } = caller;
  const fileOwners = body.value.rows.strategies.flatMap(({ value }) => (value.ownerId ? [value.ownerId] : []));
  const snapshot = await loadMapSnapshot(services, tenantId, fileOwners);
  const stale = () =>
    problem(412, 'precondition_failed', 'The strategy map changed since your preview', {
      detail: 'Someone changed the strategy map meanwhile. Preview the import again, then import.',
      headers: { ETag: etagOfVersion(snapshot.version) },
    });
  if (ifMatch?.ok && !matchesVersion(ifMatch.value, snapshot.version)) return stale();

  const preview = previewImport(snapshot.map, body.value.rows);
  await addTaskCounts(services, tenantId, preview.changes);
  const errors = inRowOrder([...body.value.errors, ...preview.errors]);
  // Owners the changes name, by name: the snapshot has read the directory already (to check owner ids).
  const owners = personIdsIn(preview.changes.flatMap((change) => change.fields.flatMap((field) => (field.field === 'ownerId' ? [{ ownerId: field.before }, { ownerId: field.after }] : []))));
  const names = namesById(owners, snapshot.people);
  const result: ImportResult = { dryRun, applied: false, mapVersion: snapshot.version, changes: preview.changes, errors, summary: summarise(preview.changes), names };
  if (dryRun) return json(200, result, { ETag: etagOfVersion(snapshot.version) });
  if (errors.length > 0) {
    return problem(400, 'import_invalid', 'The import has errors: nothing was imported', {
      detail: errors.length === 1 ? errors[0]!.message : `Fix the ${errors.length} errors listed (by row and field), then import again.`,
      errors: problemErrors(errors),
    });
  }

  const { writes, audits } = importWrites(snapshot, preview.changes, tenantId, actorOf(authorised), services.now());
  if (writes.length > 0) {
    const outcome = await services.strategyEditing.commit(tenantId, writes, audits);
    if (outcome.status !== 'ok') return stale();
  }
  const after = await loadMapSnapshot(services, tenantId, []);
  return json(200, { ...result, applied: true, mapVersion: after.version }, { ETag: etagOfVersion(after.version) });
});
