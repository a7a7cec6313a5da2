import { changesSinceLastVisit } from '../domain/change-history.js';
import { buildLineOfSight, ownerIdsToName } from '../domain/line-of-sight.js';
import { changesSince } from '../domain/line-of-sight-visits.js';
import { mergeRoles } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem } from '../http/problem.js';
import { json } from '../http/respond.js';
import { STRATEGY_EDITING_LIMITS, taskSourceKindSchema, type LineOfSight } from '../shared/contracts.js';

/**
 * GET /api/me/line-of-sight — the whole home view in one request. The Cosmos reads run in
 * parallel; the team lookup waits for the person, the strategy owners' names for the strategies,
 * and the "what changed since your last visit" query for the person (last visit) and their tasks
 * (strategies they serve). Reading changes records nothing: the visit moves only when the person
 * dismisses the note (POST /api/me/visits).
 */
export const meLineOfSightGet = authenticatedHandler(async ({ caller, services }) => {
  const { tenantId, userId } = caller;
  const changesAsOf = services.now().toISOString();
  const personRead = services.directory.getPerson(tenantId, userId);
  const tasksRead = services.tasks.listForOwner(tenantId, userId);
  const strategiesRead = services.strategyEditing.listStrategies(tenantId);
  const [tenant, organisation, strategies, ownerNames, tasks, membership, connected] = await Promise.all([
    services.tenants.get(tenantId),
    services.strategy.getOrganisation(tenantId),
    strategiesRead,
    strategiesRead.then(async (all) => {
      // Owners are leaders accountable for a strategy: their name is part of the map (README: name visibility).
      const owners = await Promise.all(ownerIdsToName(all).map((id) => services.directory.getPerson(tenantId, id)));
      return new Map(owners.flatMap((owner) => (owner && !owner.removedAt ? [[owner.id, owner.displayName] as const] : [])));
    }),
    tasksRead,
    personRead.then(async (person) => {
      const team = person?.teamId ? await services.directory.getTeam(tenantId, person.teamId) : undefined;
      const since = changesSince(person?.lastVisitAt, services.now());
      const served = new Set([...(await tasksRead).flatMap((task) => (task.strategyId ? [task.strategyId] : [])), ...(team?.strategyIds ?? [])]);
      const entries = await services.strategyEditing.changesSince(tenantId, since, [...served], STRATEGY_EDITING_LIMITS.maxChangesSinceLastVisit);
      const candidates = entries.map((entry) => ({ ...entry, actorName: entry.actor.displayName }));
      return { person, team, changes: changesSinceLastVisit(candidates, served, since, STRATEGY_EDITING_LIMITS.maxChangesSinceLastVisit) };
    }),
    // Two point reads: the tab syncs Planner / To Do (a request of its own) only for a connected source.
    Promise.all(
      taskSourceKindSchema.options.map(async (kind) => ((await services.taskSources.repository.connection(tenantId, userId, kind)) ? [kind] : [])),
    ).then((kinds) => kinds.flat()),
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
    ownerNames,
  });
  const body: LineOfSight = {
    ...view,
    changesSinceLastVisit: changes,
    changesAsOf,
    taskSources: { offered: services.taskSources.offered !== false, connected },
  };
  return json(200, body);
});
