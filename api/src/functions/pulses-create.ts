import { auditDocument } from '../data/audit.js';
import { pulseSecretId, type PulseDocument } from '../data/pulse-documents.js';
import { newPulseSecret } from '../domain/pulse/marker.js';
import { invitedCounts, isInAudience, remindAtFor, toPulse, windowErrors } from '../domain/pulse/pulse-rules.js';
import { actorOf, requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { createPulseSchema } from '../shared/pulse-contracts.js';
import { keysUnavailable, thresholdOf, wrapContext } from './pulse-support.js';

/**
 * POST /api/pulses { title, statements: [{ text }], audience?: { teamIds }, closesAt } (Leader/Admin)
 * → 201 with the pulse, open at once, its threshold locked in. Announcements go out through the
 * outbox (the drain's pulse planner), one per person.
 */
export const pulsesCreate = authenticatedHandler(async ({ request, caller, services, newId }) => {
  const authorised = await requireLeader(services, caller);
  const body = await parseJsonBody(request, createPulseSchema);
  if (!body.ok) return body.response;
  const { tenantId } = caller;
  const now = services.now();
  const errors = windowErrors(now, body.value.closesAt);
  const teams = await services.directory.listTeams(tenantId);
  body.value.audience?.teamIds.forEach((teamId, index) => {
    if (!teams.some((team) => team.id === teamId)) errors.push({ path: `audience.teamIds.${index}`, message: 'No such team' });
  });
  if (errors.length > 0) return problems.validation(errors);
  if (!services.pulseKeys) return keysUnavailable();

  const id = newId('pulse');
  const audience = body.value.audience ? { teamIds: [...new Set(body.value.audience.teamIds)] } : null;
  const people = (await services.directory.listPeople(tenantId)).filter((person) => isInAudience({ audience }, person.teamId));
  const closesAt = new Date(body.value.closesAt);
  const pulse: PulseDocument = {
    id,
    tenantId,
    type: 'pulse',
    title: body.value.title,
    statements: body.value.statements.map((statement, index) => ({ id: `s${index + 1}`, text: statement.text })),
    audience,
    threshold: await thresholdOf(services, tenantId),
    status: 'open',
    openedAt: now.toISOString(),
    closesAt: closesAt.toISOString(),
    closedAt: null,
    createdBy: actorOf(authorised),
    invited: invitedCounts(people),
    remindAt: remindAtFor(now, closesAt),
  };
  const wrapped = await services.pulseKeys.wrap(newPulseSecret(), wrapContext(tenantId, id));
  const audit = auditDocument({ tenantId, entityType: 'pulse', entityId: id, action: 'create', actor: actorOf(authorised), at: now, after: pulse });
  const outcome = await services.pulses.open(pulse, { id: pulseSecretId(id), tenantId, type: 'pulseSecret', pulseId: id, wrapped }, audit);
  // A conflict is this very create re-run after a crash (the id comes from the Idempotency-Key): answer what is stored.
  const stored = outcome === 'ok' ? pulse : await services.pulses.getPulse(tenantId, id);
  if (!stored) return problems.internal();
  void services.notifications.drainNow(tenantId);
  return json(201, toPulse(stored), { Location: `/api/pulses/${encodeURIComponent(id)}/results` });
});
