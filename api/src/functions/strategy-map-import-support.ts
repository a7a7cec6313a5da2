/**
 * Shared steps of the strategy-map export and import handlers: the map as stored (with its version),
 * reading an import body (JSON or CSV, capped), and turning a preview's changes into the documents and
 * audit entries of one transactional batch.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { HttpRequest } from '@azure/functions';
import { auditDocument, snapshotOf, type AuditActor, type AuditDocument } from '../data/audit.js';
import type { DocumentWrite } from '../data/audited-batch.js';
import { containersOf } from '../data/cosmos-client.js';
import { ORGANISATION_DOCUMENT_ID, type PersonDocument, type StrategyContainerDocument } from '../data/documents.js';
import type { StoredOrganisation, StoredStrategy } from '../data/strategy-editing-repository.js';
import { countTasksServing } from '../data/strategy-map-export-reads.js';
import { strategyContentOf } from '../domain/strategy-editing.js';
import { readCsvImport } from '../domain/strategy-map-csv.js';
import { readJsonImport, type ReadImport } from '../domain/strategy-map-file.js';
import type { CurrentStrategyMap } from '../domain/strategy-map-import.js';
import { problem, problems } from '../http/problem.js';
import { readCapped, type Parsed } from '../http/request-body.js';
import type { Services } from '../services.js';
import { LIMITS, type ImportChange } from '../shared/contracts.js';

export interface MapSnapshot {
  organisation: StoredOrganisation | undefined;
  strategies: StoredStrategy[];
  people: PersonDocument[];
  map: CurrentStrategyMap;
  /** Changes whenever the organisation or any strategy changes (a hash of their etags). */
  version: string;
}

export function mapVersionOf(organisation: StoredOrganisation | undefined, strategies: readonly StoredStrategy[]): string {
  const parts = [`organisation:${organisation?._etag ?? '-'}`, ...strategies.map((s) => `${s.id}:${s._etag}`).sort()];
  return `map-${createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 32)}`;
}

/** The ETag header form of a map version, and the comparison that accepts it quoted, weak or bare. */
export const etagOfVersion = (version: string) => `"${version}"`;
export function matchesVersion(ifMatch: string, version: string): boolean {
  return ifMatch.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1') === version;
}

/**
 * The map as stored, with the people it needs: every person (the export names every task's owner), or,
 * with `peopleNamed`, only those ids and the map's current owners (an import checks and names just the
 * owners its file and the map mention: one bounded read, not the whole directory).
 */
export async function loadMapSnapshot(services: Services, tenantId: string, peopleNamed?: readonly string[]): Promise<MapSnapshot> {
  const [organisation, strategies, everyone] = await Promise.all([
    services.strategyEditing.readOrganisation(tenantId),
    services.strategyEditing.listStrategies(tenantId),
    peopleNamed ? undefined : services.directory.listPeople(tenantId),
  ]);
  const owners = strategies.map((strategy) => strategy.ownerId).filter((id): id is string => typeof id === 'string' && id !== '');
  const people = everyone ?? (await services.directory.listPeopleByIds(tenantId, [...new Set([...(peopleNamed ?? []), ...owners])]));
  const map: CurrentStrategyMap = {
    organisation: organisation
      ? {
          name: organisation.name,
          vision: organisation.vision,
          mission: organisation.mission,
          values: organisation.values.map(({ name, description }) => ({ name, description })),
          differentiator: organisation.differentiator,
        }
      : null,
    strategies: strategies.map((document) => ({ id: document.id, order: document.order, status: document.status, ...strategyContentOf(document) })),
    personIds: new Set(people.map((person) => person.id)),
  };
  return { organisation, strategies, people, map, version: mapVersionOf(organisation, strategies) };
}

const CSV_TYPES = new Set(['text/csv', 'application/csv']);

/** Reads the import body: JSON or CSV by Content-Type (else 415), at most LIMITS.maxBodyBytes (else 413), UTF-8. */
export async function readImportBody(request: HttpRequest): Promise<Parsed<ReadImport>> {
  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const isCsv = CSV_TYPES.has(mediaType);
  if (!isCsv && mediaType !== 'application/json') {
    return {
      ok: false,
      response: problem(415, 'unsupported_media_type', 'Send the file as application/json or text/csv', {
        detail: 'Set Content-Type: application/json for a JSON export file, or text/csv for a CSV export file.',
      }),
    };
  }
  const declaredLength = Number(request.headers.get('content-length') ?? '0');
  if (Number.isFinite(declaredLength) && declaredLength > LIMITS.maxBodyBytes) return { ok: false, response: problems.payloadTooLarge(LIMITS.maxBodyBytes) };
  const bytes = await readCapped(request, LIMITS.maxBodyBytes);
  if (bytes === 'too_large') return { ok: false, response: problems.payloadTooLarge(LIMITS.maxBodyBytes) };

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, response: problem(400, 'malformed_body', 'The file is not valid UTF-8 text', { detail: 'Save the file as UTF-8 and try again.' }) };
  }
  if (isCsv) return { ok: true, value: readCsvImport(text) };
  try {
    return { ok: true, value: readJsonImport(JSON.parse(text) as unknown) };
  } catch {
    return { ok: false, response: problems.malformedJson('Send the JSON export file (one JSON object encoded as UTF-8).') };
  }
}

/** Archiving never orphans tasks silently: each archive change says how many tasks will need a new link. */
export async function addTaskCounts(services: Services, tenantId: string, changes: ImportChange[]): Promise<void> {
  const tasks = containersOf(services.cosmos).tasks;
  await Promise.all(
    changes
      .filter((change) => change.kind === 'archive' && change.id !== null)
      .map(async (change) => {
        change.tasksNeedingNewLink = await countTasksServing(tasks, tenantId, change.id ?? '');
      }),
  );
}

export interface ImportWrites {
  writes: DocumentWrite<StrategyContainerDocument>[];
  audits: AuditDocument[];
}

/** The documents to write for every change of a preview, each with its audit entry (action 'import'). */
export function importWrites(snapshot: MapSnapshot, changes: readonly ImportChange[], tenantId: string, actor: AuditActor, at: Date): ImportWrites {
  const byId = new Map(snapshot.strategies.map((strategy) => [strategy.id, strategy]));
  const writes: ImportWrites['writes'] = [];
  const audits: AuditDocument[] = [];
  for (const change of changes) {
    if (change.kind === 'unchanged') continue;
    const after = Object.fromEntries(change.fields.map(({ field, after: value }) => [field, value]));
    const stored = change.entityType === 'organisation' ? snapshot.organisation : change.id ? byId.get(change.id) : undefined;
    if (change.id && change.entityType === 'strategy' && !stored) throw new Error(`Import change for an unknown strategy ${change.id}`);
    const base =
      stored ??
      (change.entityType === 'organisation'
        ? { id: ORGANISATION_DOCUMENT_ID, tenantId, type: 'organisation' }
        : { id: randomUUID(), tenantId, type: 'strategy' });
    const document = { ...snapshotOf(base), ...after, tenantId } as unknown as StrategyContainerDocument;
    writes.push(stored ? { kind: 'replace', document, ifMatch: stored._etag } : { kind: 'create', document });
    const note = change.kind === 'archive' && change.row === null ? 'Archived by an import that left it out' : 'Imported';
    audits.push(auditDocument({ tenantId, entityType: change.entityType, entityId: document.id, action: 'import', actor, before: stored ?? null, after: document, at, note }));
  }
  return { writes, audits };
}
