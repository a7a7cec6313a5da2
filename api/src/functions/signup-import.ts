/**
 * POST /api/signup/strategies/import?dryRun=true|false — the first strategies (and, if the file has it,
 * the organisation statement) from an existing JSON or CSV export, into the sign-up draft. The same
 * reader and preview as the leaders' import; dryRun=true (default) writes nothing; dryRun=false needs
 * If-Match: the draft's etag (the preview's mapVersion), refuses any error with 400, and saves the draft.
 */
import { randomUUID } from 'node:crypto';
import { auditDocument } from '../data/audit.js';
import { applyImportToDraft, draftAsMap, rowsForDraft } from '../domain/signup-draft-import.js';
import { inRowOrder, previewImport, summarise } from '../domain/strategy-map-import.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem, problems } from '../http/problem.js';
import { json } from '../http/respond.js';
import { ifMatchOf } from '../http/route-params.js';
import { SIGNUP_LIMITS, type ImportResult } from '../shared/contracts.js';
import { readImportBody } from './strategy-map-import-support.js';
import { draftFields, draftNotStarted, signupGate, staleDraft } from './signup-support.js';

export const signupStrategiesImport = authenticatedHandler(async ({ request, caller, services }) => {
  const dryRunParam = request.query.get('dryRun') ?? 'true';
  const gate = await signupGate(services, request, caller, dryRunParam === 'false');
  if (!gate.ok) return gate.response;
  if (dryRunParam !== 'true' && dryRunParam !== 'false') return problems.validation([{ path: 'dryRun', message: 'Use dryRun=true or dryRun=false' }]);
  const dryRun = dryRunParam === 'true';
  const ifMatch = dryRun ? undefined : ifMatchOf(request, 'sign-up');
  if (ifMatch && !ifMatch.ok) return ifMatch.response;
  const body = await readImportBody(request);
  if (!body.ok) return body.response;
  const stored = await services.signup.get(caller.tenantId);
  if (!stored || stored.finishedAt) return draftNotStarted();
  if (ifMatch?.ok && ifMatch.value !== stored._etag) return staleDraft(stored);

  const preview = previewImport(draftAsMap(stored), rowsForDraft(body.value.rows, stored));
  const errors = inRowOrder([...body.value.errors, ...preview.errors]);
  const next = applyImportToDraft(stored, preview.changes, randomUUID);
  if ('tooMany' in next) errors.push({ row: null, field: 'strategies', message: `Start with at most ${SIGNUP_LIMITS.maxStrategies} strategies (this file would make ${next.tooMany}); add more once you are set up.` });
  const result: ImportResult = { dryRun, applied: false, mapVersion: stored._etag, changes: preview.changes, errors, summary: summarise(preview.changes) };
  if (dryRun) return json(200, result, { ETag: stored._etag });
  if (errors.length > 0 || 'tooMany' in next) {
    return problem(400, 'import_invalid', 'The import has errors: nothing was imported', {
      detail: errors.length === 1 ? errors[0]!.message : `Fix the ${errors.length} errors listed (by row and field), then import again.`,
      errors: errors.map((error) => ({ ...error, path: error.row === null ? error.field : `rows.${error.row}.${error.field}` })),
    });
  }
  const draft = { ...draftFields(stored), ...next, updatedAt: services.now().toISOString() };
  const audit = auditDocument({ tenantId: caller.tenantId, entityType: 'signup', entityId: draft.id, action: 'import', actor: gate.signer.actor, before: stored, after: draft, at: services.now(), note: 'First strategies imported' });
  const saved = await services.signup.replace(draft, stored._etag, [audit]);
  if (saved.status !== 'ok') return staleDraft(saved.status === 'stale' ? saved.current : undefined);
  return json(200, { ...result, applied: true, mapVersion: saved.draft._etag }, { ETag: saved.draft._etag });
}, { admitsTenantsNotOnboarded: true });
