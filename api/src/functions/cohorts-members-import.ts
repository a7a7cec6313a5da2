import type { HttpRequest } from '@azure/functions';
import { previewMemberRows, readMemberCsv } from '../domain/onboarding/member-import.js';
import { requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem, problems } from '../http/problem.js';
import { readCapped } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';
import { ONBOARDING_LIMITS, type MemberImportPreview } from '../shared/contracts.js';
import { membersResponse } from './cohorts-members.js';
import { addMembers } from './onboarding-members.js';

const CSV_BYTES = 256 * 1024;

/** dryRun defaults to true: applying needs an explicit dryRun=false. */
function dryRunOf(request: HttpRequest): boolean | undefined {
  const value = request.query.get('dryRun');
  if (value === null || value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return undefined;
}

/**
 * POST /api/cohorts/{id}/members/import?dryRun=true|false — text/csv, one UPN or email per row.
 * Answers the per-row preview; with dryRun=false and no row in error the people are added.
 * Any row in error → 400 (with the preview) and nothing is written.
 */
export const cohortsMembersImport = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const dryRun = dryRunOf(request);
  if (dryRun === undefined) return problems.validation([{ path: 'dryRun', message: 'Use true or false' }]);
  const authorised = await requireLeader(services, caller);
  const cohort = await services.onboarding.getCohort(caller.tenantId, id.value);
  if (!cohort) return problems.notFound();
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'text/csv' && mediaType !== 'text/plain') {
    return problem(415, 'unsupported_media_type', 'Send the file as text/csv', { detail: 'Set Content-Type: text/csv.' });
  }
  const bytes = await readCapped(request, CSV_BYTES);
  if (bytes === 'too_large') return problems.payloadTooLarge(CSV_BYTES);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return problems.validation([{ path: 'csv', message: 'Save the file as UTF-8' }]);
  }
  const csv = readMemberCsv(text, ONBOARDING_LIMITS.csvRows);
  if (!csv.ok) return problems.validation([{ path: csv.row ? `rows.${csv.row}` : 'csv', message: csv.message }]);

  const people = await services.directory.listPeople(caller.tenantId);
  const result = previewMemberRows(csv.rows, people, cohort.memberIds);
  const preview: MemberImportPreview = { dryRun, rows: result.rows, toAdd: result.toAdd.length, errors: result.errors };
  if (result.errors > 0 && !dryRun) {
    const errors = result.rows.flatMap((row) => (row.status === 'error' ? [{ path: `rows.${row.row}`, message: row.error ?? 'Invalid row' }] : []));
    const response = problem(400, 'validation_failed', 'Some rows cannot be imported', {
      errors,
      detail: 'Nothing was imported. Fix the rows listed in errors and try again.',
    });
    // RFC 9457 extension member: the full preview, so the tab can show every row's verdict.
    return { ...response, body: JSON.stringify({ ...(JSON.parse(String(response.body)) as object), preview }) };
  }
  if (dryRun || result.toAdd.length === 0) return json(200, preview);
  const applied = await membersResponse(services, caller.tenantId, await addMembers(services, authorised, id.value, result.toAdd, { action: 'import', source: 'CSV file' }));
  if (applied.status !== 200) return applied;
  return json(200, { ...preview, cohort: JSON.parse(String(applied.body)) });
});
