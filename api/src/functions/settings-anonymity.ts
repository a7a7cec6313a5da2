import { auditDocument } from '../data/audit.js';
import { PULSE_SETTINGS_ID, type PulseSettingsDocument } from '../data/pulse-documents.js';
import { DEFAULT_MINIMUM_GROUP_SIZE } from '../domain/pulse/anonymity.js';
import { actorOf, requireAdmin, requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { anonymitySettingsSchema } from '../shared/pulse-contracts.js';

/** GET /api/settings/anonymity (Leader/Admin) → { minimumGroupSize } */
export const settingsAnonymityGet = authenticatedHandler(async ({ caller, services }) => {
  await requireLeader(services, caller);
  const settings = await services.pulses.getSettings(caller.tenantId);
  return json(200, { minimumGroupSize: settings?.minimumGroupSize ?? DEFAULT_MINIMUM_GROUP_SIZE });
});

/**
 * PUT /api/settings/anonymity (Admin) { minimumGroupSize: 3..25 } → 200. Applies to pulses opened
 * from now on: each open pulse keeps the threshold it opened with. Audited.
 */
export const settingsAnonymityPut = authenticatedHandler(async ({ request, caller, services }) => {
  const authorised = await requireAdmin(services, caller);
  const body = await parseJsonBody(request, anonymitySettingsSchema);
  if (!body.ok) return body.response;
  const { tenantId } = caller;
  const current = await services.pulses.getSettings(tenantId);
  const next: PulseSettingsDocument = {
    ...(current ? { industry: current.industry, benchmarkOptIn: current.benchmarkOptIn } : {}),
    id: PULSE_SETTINGS_ID,
    tenantId,
    type: 'pulseSettings',
    minimumGroupSize: body.value.minimumGroupSize,
    updatedAt: services.now().toISOString(),
  };
  const audit = auditDocument({ tenantId, entityType: 'pulseSettings', entityId: PULSE_SETTINGS_ID, action: current ? 'update' : 'create', actor: actorOf(authorised), at: services.now(), before: current ?? null, after: next });
  const outcome = await services.pulses.putSettings(next, current?._etag, audit);
  if (outcome === 'stale') return problem(409, 'settings_changed', 'The settings changed meanwhile', { detail: 'Load them again and retry.' });
  return json(200, { minimumGroupSize: next.minimumGroupSize });
});
