import { changesSinceLastVisit } from '../domain/change-history.js';
import { buildLineOfSight } from '../domain/line-of-sight.js';
import { mergeRoles } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem } from '../http/problem.js';
import { json } from '../http/respond.js';
import { STRATEGY_EDITING_LIMITS, type LineOfSight } from '../shared/contracts.js';

/** Without a recorded visit, "what changed" looks back this far. */
const FIRST_VISIT_LOOKBACK_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * GET /api/me/line-of-sight — the whole home view in one request. The Cosmos reads run in
 * parallel; only the team lookup waits for the person, and the "what changed since your last
 * visit" query waits for the person (last visit) and their tasks (strategies they serve).
 */
export const meLineOfSightGet = authenticatedHandler(async ({ caller, services }) => {
  const { tenantId, userId } = caller;
  const personRead = services.directory.getPerson(tenantId, userId);
  const tasksRead = services.tasks.listForOwner(tenantId, userId);
  const [tenant, organisation, strategies, tasks, membership] = await Promise.all([
    services.tenants.get(tenantId),
    services.strategy.getOrganisation(tenantId),
    services.strategy.listStrategies(tenantId),
    tasksRead,
    personRead.then(async (person) => {
      const team = person?.teamId ? await services.directory.getTeam(tenantId, person.teamId) : undefined;
      const since = person?.lastVisitAt ?? new Date(services.now().getTime() - FIRST_VISIT_LOOKBACK_MS).toISOString();
      const served = new Set([...(await tasksRead).flatMap((task) => (task.strategyId ? [task.strategyId] : [])), ...(team?.strategyIds ?? [])]);
      const entries = await services.strategyEditing.changesSince(tenantId, since, [...served], STRATEGY_EDITING_LIMITS.maxChangesSinceLastVisit);
      const candidates = entries.map((entry) => ({ ...entry, actorName: entry.actor.displayName }));
      return { person, team, changes: changesSinceLastVisit(candidates, served, since, STRATEGY_EDITING_LIMITS.maxChangesSinceLastVisit) };
    }),
  ]);
  if (!tenant || !organisation) {
    return problem(404, 'organisation_not_set_up', 'Your organisation has not described its strategy yet', {
      detail: 'Ask an admin to add the vision and strategies.',
    });
  }
  const { person, team, changes } = membership;
  const view = buildLineOfSight({
    tenant: { id: tenant.tenantId, name: tenant.name },
    me: {
      id: userId,
      displayName: person?.displayName ?? caller.displayName ?? 'You',
      teamName: team?.name ?? null,
      // Effective roles: the tab shows the leader areas by these.
      roles: mergeRoles(caller.roles, person?.grantedRoles ?? []),
    },
    organisation,
    strategies,
    tasks,
  });
  const body: LineOfSight = { ...view, changesSinceLastVisit: changes };
  return json(200, body);
});
