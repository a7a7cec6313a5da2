/**
 * Shared steps of the strategy-editing handlers: the editable views (with etags, owner names,
 * completeness, mapped teams), the If-Match requirement, and committing a change of the
 * organisation or a strategy together with its audit entry.
 */
import type { HttpResponseInit } from '@azure/functions';
import { auditDocument, snapshotOf, type AuditAction, type AuditDocument } from '../data/audit.js';
import type { OrganisationDocument, StrategyDocument } from '../data/documents.js';
import type { StoredOrganisation, StoredStrategy } from '../data/strategy-editing-repository.js';
import { changedFields, namesById } from '../domain/change-history.js';
import { missingStrategyFields, strategyContentOf, type StrategyContent } from '../domain/strategy-editing.js';
import { actorOf, type AuthorisedCaller } from '../http/authorise.js';
import { problems } from '../http/problem.js';
import { json } from '../http/respond.js';
import type { Services } from '../services.js';
import type { AuditEntry, EditableOrganisation, EditableStrategy, RecentChange } from '../shared/contracts.js';

export function toEditableOrganisation(document: StoredOrganisation): EditableOrganisation {
  const { name, vision, mission, values, differentiator } = document;
  return { name, vision, mission, values: values.map(({ name, description }) => ({ name, description })), differentiator, etag: document._etag };
}

/** Strategies as leaders see them; owner names (an owner removed or erased since reads "Former colleague") and team mappings come from the directory. */
export async function toEditableStrategies(services: Services, tenantId: string, documents: readonly StoredStrategy[]): Promise<EditableStrategy[]> {
  const ownerIds = [...new Set(documents.map((document) => document.ownerId).filter((id): id is string => Boolean(id)))];
  const [owners, teams] = await Promise.all([
    services.directory.listPeopleByIds(tenantId, ownerIds),
    services.directory.listTeams(tenantId),
  ]);
  // One read of just the owners: the editor takes names from here, never from the whole directory.
  const ownerNames = namesById(ownerIds, owners);
  return documents.map((document) => {
    const content = strategyContentOf(document);
    return {
      id: document.id,
      title: content.title,
      why: content.why,
      customerImpact: content.customerImpact,
      order: document.order,
      status: document.status,
      etag: document._etag,
      ownerId: content.ownerId,
      ownerName: content.ownerId ? (ownerNames[content.ownerId] ?? null) : null,
      progress: content.progress,
      measures: content.measures,
      incomplete: missingStrategyFields(content),
      teamIds: teams.filter((team) => team.strategyIds?.includes(document.id)).map((team) => team.id),
    };
  });
}

export async function toEditableStrategy(services: Services, tenantId: string, document: StoredStrategy): Promise<EditableStrategy> {
  const [editable] = await toEditableStrategies(services, tenantId, [document]);
  if (!editable) throw new Error('No editable view of a strategy');
  return editable;
}

export function toAuditEntry(document: AuditDocument): AuditEntry {
  const { id, entityType, entityId, action, actor, at, before, after, note } = document;
  return { id, entityType, entityId, action, actor, at, before, after, ...(note ? { note } : {}), changedFields: changedFields(before, after) };
}

/** A clean strategy document (no Cosmos system fields) from a stored one and new content. */
export function strategyDocumentOf(stored: StrategyDocument, content: StrategyContent, overrides: Partial<Pick<StrategyDocument, 'status' | 'order'>> = {}): StrategyDocument {
  return {
    id: stored.id,
    tenantId: stored.tenantId,
    type: 'strategy',
    order: overrides.order ?? stored.order,
    status: overrides.status ?? stored.status,
    ...content,
  };
}

/** The owner must be a person of the tenant: a 400 at `ownerId` otherwise (undefined when fine). */
export async function ownerError(services: Services, tenantId: string, ownerId: string | null | undefined): Promise<HttpResponseInit | undefined> {
  if (!ownerId) return undefined;
  const person = await services.directory.getPerson(tenantId, ownerId);
  return person ? undefined : problems.validation([{ path: 'ownerId', message: 'Choose a person of your organisation' }]);
}

export interface StrategyChange {
  services: Services;
  authorised: AuthorisedCaller;
  stored: StoredStrategy;
  next: StrategyDocument;
  ifMatch: string;
  action: AuditAction;
  note?: string;
}

/** Saves a strategy change with its audit entry; 200 with the new version, or 412 with the current one. */
export async function commitStrategyChange(change: StrategyChange): Promise<HttpResponseInit> {
  const { services, authorised, stored, next, ifMatch } = change;
  const tenantId = authorised.caller.tenantId;
  const audit = auditDocument({
    tenantId, entityType: 'strategy', entityId: next.id, action: change.action, actor: actorOf(authorised),
    before: snapshotOf(stored), after: next, at: services.now(), ...(change.note ? { note: change.note } : {}),
  });
  const result = await services.strategyEditing.commit(tenantId, [{ kind: 'replace', document: next, ifMatch }], [audit]);
  if (result.status === 'ok') {
    const saved = result.documents[0] as StoredStrategy;
    return json(200, await toEditableStrategy(services, tenantId, saved), { ETag: saved._etag });
  }
  return staleStrategyResponse(services, tenantId, next.id);
}

export async function staleStrategyResponse(services: Services, tenantId: string, strategyId: string): Promise<HttpResponseInit> {
  const current = await services.strategyEditing.readStrategy(tenantId, strategyId);
  if (!current) return problems.notFound();
  return staleStrategy(services, tenantId, current);
}

const RECENT_CHANGES = 5;

/** Who changed a document of the map lately, from its audit trail, newest first: the 412's `recentChanges`. */
async function recentChangesOf(services: Services, tenantId: string, entityType: 'strategy' | 'organisation', entityId: string): Promise<RecentChange[]> {
  const entries = await services.strategyEditing.history(tenantId, entityType, entityId, { limit: RECENT_CHANGES });
  return entries.map(({ actor, at, before, after }) => ({ actor: { id: actor.id, displayName: actor.displayName }, at, changedFields: changedFields(before, after) }));
}

/** 412 for a strategy: its current version plus who changed it lately. */
export async function staleStrategy(services: Services, tenantId: string, current: StoredStrategy): Promise<HttpResponseInit> {
  const [editable, recentChanges] = await Promise.all([
    toEditableStrategy(services, tenantId, current),
    recentChangesOf(services, tenantId, 'strategy', current.id),
  ]);
  return problems.staleDocument('strategy', editable, recentChanges);
}

/** 412 for the organisation: its current version plus who changed it lately. */
export async function staleOrganisation(services: Services, tenantId: string, current: StoredOrganisation): Promise<HttpResponseInit> {
  return problems.staleDocument('organisation', toEditableOrganisation(current), await recentChangesOf(services, tenantId, 'organisation', current.id));
}

/** Saves an organisation change with its audit entry; 200 with the new version, or 412 with the current one. */
export async function commitOrganisationChange(
  services: Services,
  authorised: AuthorisedCaller,
  stored: StoredOrganisation,
  next: OrganisationDocument,
  ifMatch: string,
  action: AuditAction,
  note?: string,
): Promise<HttpResponseInit> {
  const tenantId = authorised.caller.tenantId;
  const audit = auditDocument({
    tenantId, entityType: 'organisation', entityId: next.id, action, actor: actorOf(authorised),
    before: snapshotOf(stored), after: next, at: services.now(), ...(note ? { note } : {}),
  });
  const result = await services.strategyEditing.commit(tenantId, [{ kind: 'replace', document: next, ifMatch }], [audit]);
  if (result.status === 'ok') {
    const saved = result.documents[0] as StoredOrganisation;
    return json(200, toEditableOrganisation(saved), { ETag: saved._etag });
  }
  const current = await services.strategyEditing.readOrganisation(tenantId);
  return current ? staleOrganisation(services, tenantId, current) : problems.notFound();
}
