import { requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { json } from '../http/respond.js';
import type { People } from '../shared/contracts.js';
import { toPerson } from './people-support.js';

/** GET /api/people (Leader/Admin) — the tenant's people with team, effective and granted roles (not people removed from the tenant). */
export const peopleList = authenticatedHandler(async ({ caller, services }) => {
  await requireLeader(services, caller);
  const [people, teams] = await Promise.all([services.people.listPeople(caller.tenantId), services.directory.listTeams(caller.tenantId)]);
  const body: People = { people: people.filter((person) => !person.removedAt).map((person) => toPerson(person, teams)) };
  return json(200, body);
});
