import { closePulse, sealPulse } from '../data/pulse-lifecycle.js';
import { toPulse } from '../domain/pulse/pulse-rules.js';
import { actorOf, requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { json } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';
import { forgetSecret } from './pulse-support.js';

/** Answers deleted inline when closing; a bigger pulse is finished by the drain (timer). */
const INLINE_SEAL_DELETES = 2_000;

/**
 * POST /api/pulses/{id}/close (Leader/Admin) → 200 with the closed pulse. Destroys the pulse's secret
 * in the same batch, then keeps the tallies and deletes responses and markers. Closing a closed pulse
 * answers it as it is.
 */
export const pulsesClose = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const authorised = await requireLeader(services, caller);
  const { tenantId } = caller;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const pulse = await services.pulses.getPulse(tenantId, id.value);
    if (!pulse) return problems.notFound();
    if (pulse.status === 'closed') return json(200, toPulse(pulse));
    if ((await closePulse(services.pulses, pulse, services.now(), actorOf(authorised))) === 'stale') continue;
    forgetSecret(tenantId, pulse.id);
    const closed = await services.pulses.getPulse(tenantId, id.value);
    if (!closed) return problems.notFound();
    await sealPulse(services.pulses, closed, services.now(), INLINE_SEAL_DELETES);
    void services.notifications.drainNow(tenantId);
    return json(200, toPulse(closed));
  }
  return problems.internal();
});
