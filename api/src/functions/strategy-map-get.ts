import { authenticatedHandler } from '../http/handler.js';
import { problem } from '../http/problem.js';
import { json } from '../http/respond.js';
import type { EditableStrategyMap } from '../shared/contracts.js';
import { toEditableOrganisation, toEditableStrategies } from './strategy-editing-support.js';

/**
 * GET /api/strategy-map — the organisation and all its strategies (active and archived), in order.
 * A superset of contracts.strategyMapSchema: each editable document carries its etag, strategies
 * their owner, progress, measures, completeness and mapped teams.
 */
export const strategyMapGet = authenticatedHandler(async ({ caller, services }) => {
  const [organisation, strategies] = await Promise.all([
    services.strategyEditing.readOrganisation(caller.tenantId),
    services.strategyEditing.listStrategies(caller.tenantId),
  ]);
  if (!organisation) {
    return problem(404, 'organisation_not_set_up', 'Your organisation has not described its strategy yet', {
      detail: 'Ask an admin to add the vision and strategies.',
    });
  }
  const body: EditableStrategyMap = {
    organisation: toEditableOrganisation(organisation),
    strategies: await toEditableStrategies(services, caller.tenantId, strategies),
  };
  return json(200, body);
});
