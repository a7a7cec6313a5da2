import { auditDocument } from '../data/audit.js';
import { PULSE_SETTINGS_ID, type PulseSettingsDocument } from '../data/pulse-documents.js';
import { DEFAULT_MINIMUM_GROUP_SIZE } from '../domain/pulse/anonymity.js';
import { actorOf, requireAdmin } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { benchmarkSettingsSchema } from '../shared/pulse-contracts.js';

/**
 * PUT /api/settings/benchmark (Admin) { industry, optIn } → 200 { industry, optIn }. Opting in
 * contributes the latest closed pulse's figure to the industry's benchmark; opting out (or another
 * industry) removes it from every later figure. Audited.
 */
export const settingsBenchmarkPut = authenticatedHandler(async ({ request, caller, services }) => {
  const authorised = await requireAdmin(services, caller);
  const body = await parseJsonBody(request, benchmarkSettingsSchema);
  if (!body.ok) return body.response;
  const { tenantId } = caller;
  const current = await services.pulses.getSettings(tenantId);
  const wanted: PulseSettingsDocument = {
    ...(current ?? {}),
    id: PULSE_SETTINGS_ID,
    tenantId,
    type: 'pulseSettings',
    minimumGroupSize: current?.minimumGroupSize ?? DEFAULT_MINIMUM_GROUP_SIZE,
    industry: body.value.industry,
    benchmarkOptIn: body.value.optIn,
    updatedAt: services.now().toISOString(),
  };
  const latest = await services.pulses.latestSummarised(tenantId);
  const next = await services.benchmarks.sync(wanted, latest, current);
  const audit = auditDocument({ tenantId, entityType: 'pulseSettings', entityId: PULSE_SETTINGS_ID, action: current ? 'update' : 'create', actor: actorOf(authorised), at: services.now(), before: current ?? null, after: next, note: body.value.optIn ? 'benchmark opt-in' : 'benchmark opt-out' });
  if ((await services.pulses.putSettings(next, current?._etag, audit)) === 'stale') {
    return problem(409, 'settings_changed', 'The settings changed meanwhile', { detail: 'Load them again and retry.' });
  }
  return json(200, { industry: next.industry, optIn: next.benchmarkOptIn === true });
});
