import { requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { asksForPage, keysetPage, parseListQuery } from '../http/list-query.js';
import { json } from '../http/respond.js';
import type { People, PeoplePage } from '../shared/contracts.js';
import { toPerson } from './people-support.js';

/**
 * GET /api/people?q=&limit=&cursor= (Leader/Admin) — the tenant's people with team, effective and
 * granted roles (not people removed from the tenant): a page of those whose name contains `q`, by
 * name, with `nextCursor`. Without any of the three parameters: the whole list, as before issue 13.
 */
export const peopleList = authenticatedHandler(async ({ request, caller, services }) => {
  await requireLeader(services, caller);
  if (asksForPage(request)) {
    const query = parseListQuery(request);
    if (!query.ok) return query.response;
    const [people, teams] = await Promise.all([services.people.pagePeople(caller.tenantId, query.value), services.directory.listTeams(caller.tenantId)]);
    const page = keysetPage(people, query.value.limit, (person) => ({ at: person.displayName, id: person.id }));
    const body: PeoplePage = { people: page.items.map((person) => toPerson(person, teams)), nextCursor: page.nextCursor };
    return json(200, body);
  }
  const [people, teams] = await Promise.all([services.people.listPeople(caller.tenantId), services.directory.listTeams(caller.tenantId)]);
  const body: People = { people: people.filter((person) => !person.removedAt).map((person) => toPerson(person, teams)) };
  return json(200, body);
});
