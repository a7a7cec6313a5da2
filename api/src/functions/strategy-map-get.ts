import { authenticatedHandler } from '../http/handler.js';
import { problem } from '../http/problem.js';
import { json } from '../http/respond.js';
import type { StrategyMap } from '../shared/contracts.js';

/** GET /api/strategy-map — the organisation and all its strategies (active and archived), in order. */
export const strategyMapGet = authenticatedHandler(async ({ caller, services }) => {
  const [organisation, strategies] = await Promise.all([
    services.strategy.getOrganisation(caller.tenantId),
    services.strategy.listStrategies(caller.tenantId),
  ]);
  if (!organisation) {
    return problem(404, 'organisation_not_set_up', 'Your organisation has not described its strategy yet', {
      detail: 'Ask an admin to add the vision and strategies.',
    });
  }
  const body: StrategyMap = { organisation, strategies };
  return json(200, body);
});
