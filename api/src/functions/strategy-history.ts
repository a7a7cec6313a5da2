import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { OrganisationDocument } from '../data/documents.js';
import { namesById, personIdsIn } from '../domain/change-history.js';
import { organisationContentFromSnapshot, strategyContentFromSnapshot } from '../domain/strategy-editing.js';
import { requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem, problems } from '../http/problem.js';
import { pageOf, parsePageQuery } from '../http/paging.js';
import { json } from '../http/respond.js';
import { parseIdParam, ifMatchOf } from '../http/route-params.js';
import { HISTORY_PAGE, type AuditEntry, type History } from '../shared/contracts.js';
import type { Services } from '../services.js';
import { commitOrganisationChange, commitStrategyChange, staleOrganisation, staleStrategy, strategyDocumentOf, toAuditEntry } from './strategy-editing-support.js';

/** GET /api/strategies/{id}/history (Leader/Admin) → {entries} newest first. Read only: no route edits or deletes an entry. */
export const strategyHistoryGet = authenticatedHandler(async ({ request, caller, services }) => {
  await requireLeader(services, caller);
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const stored = await services.strategyEditing.readStrategy(caller.tenantId, id.value);
  if (!stored) return problems.notFound();
  return historyPage(request, services, caller.tenantId, 'strategy', id.value);
});

/** GET /api/organisation/history (Leader/Admin) → {entries} newest first. */
export const organisationHistoryGet = authenticatedHandler(async ({ request, caller, services }) => {
  await requireLeader(services, caller);
  return historyPage(request, services, caller.tenantId, 'organisation', 'organisation');
});

/**
 * One page of an entity's history (`?limit=` up to 100, default 50; `?cursor=` from the previous page's
 * `next`), with the names the page needs: the people its values name (owners) in `names`, and each
 * actor as the directory has them now (a removed person reads "Former colleague"). One read of just
 * those people, so the editor never loads the whole directory to show a page of history.
 */
async function historyPage(request: HttpRequest, services: Services, tenantId: string, entityType: string, entityId: string): Promise<HttpResponseInit> {
  const page = parsePageQuery(request, HISTORY_PAGE);
  if (!page.ok) return page.response;
  const { limit, after } = page.value;
  const entries = await services.strategyEditing.history(tenantId, entityType, entityId, { limit: limit + 1, ...(after ? { after } : {}) });
  const { items, next } = pageOf(entries, limit);
  const named = personIdsIn(items.flatMap((entry) => [entry.before, entry.after]));
  const people = await services.directory.listPeopleByIds(tenantId, [...new Set([...named, ...items.map((entry) => entry.actor.id)])]);
  const current = new Map(people.map((person) => [person.id, person.displayName]));
  // An actor without a record (a system actor, or erased: their entries were rewritten then) keeps the name the entry has.
  const withActor = (entry: AuditEntry): AuditEntry => ({ ...entry, actor: { id: entry.actor.id, displayName: current.get(entry.actor.id) ?? entry.actor.displayName } });
  const body: History = { entries: items.map((item) => withActor(toAuditEntry(item))), next, names: namesById(named, people) };
  return json(200, body);
}

const noSnapshot = () => problem(409, 'nothing_to_restore', 'This history entry has no version to restore');

/**
 * POST /api/strategies/{id}/history/{entryId}/restore (Leader/Admin, If-Match: current etag) — the
 * strategy's content returns to the entry's `after` version (status and order stay as they are:
 * archiving has its own route). The restore is itself a logged change.
 */
export const strategyHistoryRestore = authenticatedHandler(async ({ request, caller, services }) => {
  const authorised = await requireLeader(services, caller);
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const entryId = parseIdParam(request, 'entryId');
  if (!entryId.ok) return entryId.response;
  const ifMatch = ifMatchOf(request, 'strategy');
  if (!ifMatch.ok) return ifMatch.response;

  const { tenantId } = caller;
  const [stored, entry] = await Promise.all([
    services.strategyEditing.readStrategy(tenantId, id.value),
    services.strategyEditing.readAuditEntry(tenantId, entryId.value),
  ]);
  if (!stored || !entry || entry.entityType !== 'strategy' || entry.entityId !== stored.id) return problems.notFound();
  if (stored._etag !== ifMatch.value) return staleStrategy(services, tenantId, stored);
  const content = strategyContentFromSnapshot(entry.after);
  if (!content) return noSnapshot();
  const next = strategyDocumentOf(stored, content);
  return commitStrategyChange({ services, authorised, stored, next, ifMatch: ifMatch.value, action: 'restore', note: `restored the version of ${entry.at}` });
});

/** POST /api/organisation/history/{entryId}/restore (Leader/Admin, If-Match) — likewise for the organisation. */
export const organisationHistoryRestore = authenticatedHandler(async ({ request, caller, services }) => {
  const authorised = await requireLeader(services, caller);
  const entryId = parseIdParam(request, 'entryId');
  if (!entryId.ok) return entryId.response;
  const ifMatch = ifMatchOf(request, 'organisation');
  if (!ifMatch.ok) return ifMatch.response;

  const { tenantId } = caller;
  const [stored, entry] = await Promise.all([
    services.strategyEditing.readOrganisation(tenantId),
    services.strategyEditing.readAuditEntry(tenantId, entryId.value),
  ]);
  if (!stored || !entry || entry.entityType !== 'organisation') return problems.notFound();
  if (stored._etag !== ifMatch.value) return staleOrganisation(services, caller.tenantId, stored);
  const content = organisationContentFromSnapshot(entry.after);
  if (!content) return noSnapshot();
  const next: OrganisationDocument = { id: stored.id, tenantId, type: 'organisation', ...content };
  return commitOrganisationChange(services, authorised, stored, next, ifMatch.value, 'restore', `restored the version of ${entry.at}`);
});
