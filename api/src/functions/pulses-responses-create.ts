import { randomUUID } from 'node:crypto';
import { isAcceptingAnswers, isInAudience, orderedValues } from '../domain/pulse/pulse-rules.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem, problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';
import { pulseResponseSchema } from '../shared/pulse-contracts.js';
import { markerIdFor, pulseClosed, secretOf } from './pulse-support.js';

/**
 * POST /api/pulses/{id}/responses { answers: [{ statementId, value }], comment? } → 201 { recorded: true }.
 * The response is stored with its team and values only, under a random id; the marker beside it is
 * HMAC(pulse secret, person). A second answer: 409 already_answered, nothing written.
 *
 * Registered WITHOUT the Idempotency-Key wrapper (index.ts): its record keeps the person's id with a
 * hash of the body, and a body of a few 1–5 values is easily guessed from its hash. The marker makes a
 * retry safe anyway (409 after a first answer that landed). The answer names nothing either.
 */
export const pulsesResponsesCreate = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const { tenantId, userId } = caller;
  const pulse = await services.pulses.getPulse(tenantId, id.value);
  if (!pulse) return problems.notFound();
  const body = await parseJsonBody(request, pulseResponseSchema);
  if (!body.ok) return body.response;
  const values = orderedValues(pulse.statements, body.value.answers);
  if (!values.ok) return problems.validation(values.errors);
  if (!isAcceptingAnswers(pulse, services.now())) return pulseClosed();
  const person = await services.directory.getPerson(tenantId, userId);
  if (!isInAudience(pulse, person?.teamId)) return problem(403, 'not_in_audience', 'This pulse was not sent to you', { detail: 'It went to chosen teams only.' });
  const secret = await secretOf(services, pulse);
  if (!secret) return pulseClosed();
  const outcome = await services.pulses.answer(
    { id: markerIdFor(secret, tenantId, pulse.id, userId), tenantId, type: 'pulseMarker', pulseId: pulse.id },
    {
      id: `pr-${randomUUID()}`,
      tenantId,
      type: 'pulseResponse',
      pulseId: pulse.id,
      teamId: person?.teamId ?? null,
      values: values.values,
      ...(body.value.comment ? { comment: body.value.comment } : {}),
    },
  );
  if (outcome === 'already') return problem(409, 'already_answered', 'You have answered this pulse', { detail: 'Each person answers a pulse once.' });
  if (outcome === 'closed') return pulseClosed();
  return json(201, { recorded: true });
});
