/**
 * Erases one person from their tenant (the rules: domain/data-rights-erasure.ts). Crash-safe and
 * repeatable: the pseudonym is written onto the person's record first, every later step is idempotent
 * (deletes of what is gone count as done, rewrites recompute from what is stored), and the person's
 * record goes last, in one batch with its anonymised successor and the audit entry, so a rerun after a
 * crash finishes the job with the same pseudonym. Pages are scanned before anything is changed
 * (changing a partition while paging through it could skip documents), and the scan repeats until a
 * pass finds nothing left to change.
 */
import type { Container } from '@azure/cosmos';
import { anonymisedPerson } from '../domain/directory-people.js';
import { erasureVerdict, type ErasureSubject, type ErasureVerdict } from '../domain/data-rights-erasure.js';
import { auditDocument, type AuditActor } from './audit.js';
import { writeInBatch } from './audited-batch.js';
import type { CosmosContainers } from './cosmos-client.js';
import type { PersonDocument } from './documents.js';
import type { StoredPerson } from './people-repository.js';
import { deleteIfPresent, tenantDocumentPages, type StoredDoc, type TenantDataContainer } from './tenant-documents.js';

export interface ErasureCounts {
  deleted: number;
  anonymised: number;
}

const MAX_PASSES = 4;

function subjectOf(person: StoredPerson, pseudonymId: string, taskIds: ReadonlySet<string>): ErasureSubject {
  const names = [person.displayName, person.upn, person.email].filter((name): name is string => typeof name === 'string');
  return { id: person.id, pseudonymId, names, taskIds };
}

async function ownTaskIds(containers: CosmosContainers, tenantId: string, userId: string): Promise<Set<string>> {
  const { resources } = await containers.tasks.items
    .query<{ id: string }>(
      { query: 'SELECT c.id FROM c WHERE c.tenantId = @tenantId AND c.ownerId = @userId AND NOT IS_DEFINED(c.type)', parameters: [{ name: '@tenantId', value: tenantId }, { name: '@userId', value: userId }] },
      { partitionKey: tenantId },
    )
    .fetchAll();
  return new Set(resources.map((row) => row.id));
}

type Planned = { container: TenantDataContainer; stored: StoredDoc; verdict: Exclude<ErasureVerdict, { kind: 'keep' }> };

async function plan(containers: CosmosContainers, subject: ErasureSubject, tenantId: string): Promise<Planned[]> {
  const planned: Planned[] = [];
  for await (const page of tenantDocumentPages(containers, tenantId)) {
    if (page.container === 'tenants') continue;
    for (const stored of page.documents) {
      // The person's own record goes last (see apply below); documents in shared partitions name no one.
      if (stored.tenantId !== tenantId || (page.container === 'directory' && stored.id === subject.id && stored.type === 'person')) continue;
      const verdict = erasureVerdict(page.container, stored, subject);
      if (verdict.kind !== 'keep') planned.push({ container: page.container, stored, verdict });
    }
  }
  return planned;
}

async function apply(container: Container, tenantId: string, item: Planned): Promise<void> {
  if (item.verdict.kind === 'delete') return deleteIfPresent(container, item.stored.id, tenantId);
  const next = item.verdict.document as StoredDoc;
  if (next.id === item.stored.id) {
    try {
      await container.item(next.id, tenantId).replace(next, { accessCondition: { type: 'IfMatch', condition: item.stored._etag ?? '' } });
    } catch (error) {
      // Changed or gone meanwhile: the next pass looks at it again.
      if (![404, 412].includes((error as { code?: number }).code ?? 0)) throw error;
    }
    return;
  }
  // Its id named the person: the rewritten document takes a new id (a rerun finds it there already).
  await container.items.upsert(next);
  await deleteIfPresent(container, item.stored.id, tenantId);
}

/**
 * Erases `person` (a stored record of `tenantId`). Returns what changed in this run; a rerun after the
 * person's record is gone does nothing (the caller answers 404 then).
 */
export async function erasePerson(
  containers: CosmosContainers,
  input: { tenantId: string; person: StoredPerson; actor: AuditActor; newPseudonymId: string; now: Date },
): Promise<ErasureCounts> {
  const { tenantId, actor, now } = input;
  let person = input.person;
  // 1. The pseudonym, kept on the record until the end, so a rerun rewrites with the same one.
  if (!person.erasure) {
    const marked: PersonDocument = { ...stripSystem(person), erasure: { pseudonymId: input.newPseudonymId, startedAt: now.toISOString() } };
    const { resource } = await containers.directory.item(person.id, tenantId).replace<PersonDocument>(marked, { accessCondition: { type: 'IfMatch', condition: person._etag } });
    person = resource as StoredPerson;
  }
  const pseudonymId = person.erasure!.pseudonymId;
  const subject = subjectOf(person, pseudonymId, await ownTaskIds(containers, tenantId, person.id));
  const counts: ErasureCounts = { deleted: 0, anonymised: 0 };
  // 2. Everything else, until a pass finds nothing to change (writes landing meanwhile are caught).
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    const planned = await plan(containers, subject, tenantId);
    if (planned.length === 0) break;
    for (const item of planned) {
      await apply(containers[item.container], tenantId, item);
      counts[item.verdict.kind === 'delete' ? 'deleted' : 'anonymised'] += 1;
    }
  }
  // 3. The record itself: gone, with an anonymised successor under the pseudonym and the audit entry, in one batch.
  const successor = anonymisedPerson({ ...stripSystem(person), id: pseudonymId }, now.toISOString());
  const audit = auditDocument({
    tenantId, entityType: 'person', entityId: pseudonymId, action: 'delete', actor, at: now,
    before: null, after: successor, note: 'erased a former colleague’s data at an Admin’s request',
  });
  const result = await writeInBatch<PersonDocument>(containers.directory, tenantId, [{ kind: 'delete', document: person, ifMatch: person._etag }, { kind: 'create', document: successor }], [audit]);
  if (result.status !== 'ok') throw new Error(`Erasure of a person could not finish (${result.status}); run it again`);
  counts.deleted += 1;
  return counts;
}

function stripSystem(person: StoredPerson): PersonDocument {
  return Object.fromEntries(Object.entries(person).filter(([key]) => !key.startsWith('_'))) as unknown as PersonDocument;
}
