import { buildLineOfSight } from '../domain/line-of-sight.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem } from '../http/problem.js';
import { json } from '../http/respond.js';

/**
 * GET /api/me/line-of-sight — the whole home view in one request. The Cosmos reads run in
 * parallel; only the team lookup waits for the person it belongs to.
 */
export const meLineOfSightGet = authenticatedHandler(async ({ caller, services }) => {
  const { tenantId, userId } = caller;
  const [tenant, organisation, strategies, tasks, membership] = await Promise.all([
    services.tenants.get(tenantId),
    services.strategy.getOrganisation(tenantId),
    services.strategy.listStrategies(tenantId),
    services.tasks.listForOwner(tenantId, userId),
    services.directory.getPerson(tenantId, userId).then(async (person) => ({
      person,
      team: person?.teamId ? await services.directory.getTeam(tenantId, person.teamId) : undefined,
    })),
  ]);
  if (!tenant || !organisation) {
    return problem(404, 'organisation_not_set_up', 'Your organisation has not described its strategy yet', {
      detail: 'Ask an admin to add the vision and strategies.',
    });
  }
  const { person, team } = membership;
  return json(
    200,
    buildLineOfSight({
      tenant: { id: tenant.tenantId, name: tenant.name },
      me: {
        id: userId,
        displayName: person?.displayName ?? caller.displayName ?? 'You',
        teamName: team?.name ?? null,
        roles: caller.roles,
      },
      organisation,
      strategies,
      tasks,
    }),
  );
});
