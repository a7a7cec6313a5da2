/**
 * A tenant's sign-up draft (directory container, the tenant's partition, fixed id): created once,
 * replaced with its etag, and finished in one transactional batch with the teams and the person
 * record it creates. Refused sign-up attempts are audited in the same partition.
 */
import type { Container, Resource } from '@azure/cosmos';
import type { AuditDocument } from './audit.js';
import { writeInBatch, type DocumentWrite } from './audited-batch.js';
import { SIGNUP_DRAFT_DOCUMENT_ID, type DirectoryDocument, type PersonDocument, type SignupDraftDocument } from './documents.js';

export type StoredSignupDraft = SignupDraftDocument & Resource;

export type DraftWriteResult = { status: 'ok'; draft: StoredSignupDraft } | { status: 'stale'; current: StoredSignupDraft | undefined } | { status: 'conflict' };

export interface SignupRepository {
  get(tenantId: string): Promise<StoredSignupDraft | undefined>;
  /** Creates the draft with its audit entry; 'conflict' when the tenant already has one. */
  create(draft: SignupDraftDocument, audit: AuditDocument): Promise<DraftWriteResult>;
  /** Replaces the draft if its etag is still `ifMatch`, with any audit entries, in one batch. */
  replace(draft: SignupDraftDocument, ifMatch: string, audits?: readonly AuditDocument[]): Promise<DraftWriteResult>;
  /** The draft marked finished, the teams created and the person record written, all or nothing. */
  finish(draft: SignupDraftDocument, ifMatch: string, documents: readonly DocumentWrite<DirectoryDocument>[], audits: readonly AuditDocument[]): Promise<DraftWriteResult>;
  /** An audit entry on its own (a refused sign-up changes nothing else). */
  audit(entry: AuditDocument): Promise<void>;
  getPerson(tenantId: string, userId: string): Promise<(PersonDocument & Resource) | undefined>;
}

export function createSignupRepository(container: Container): SignupRepository {
  async function get(tenantId: string): Promise<StoredSignupDraft | undefined> {
    const { resource } = await container.item(SIGNUP_DRAFT_DOCUMENT_ID, tenantId).read<StoredSignupDraft>();
    return resource?.type === 'signup' && resource.tenantId === tenantId ? resource : undefined;
  }

  async function batch(tenantId: string, writes: DocumentWrite<SignupDraftDocument | DirectoryDocument>[], audits: readonly AuditDocument[]): Promise<DraftWriteResult> {
    const result = await writeInBatch(container, tenantId, writes, audits);
    if (result.status === 'ok') return { status: 'ok', draft: result.documents[0] as StoredSignupDraft };
    if (result.status === 'conflict') return { status: 'conflict' };
    return { status: 'stale', current: await get(tenantId) };
  }

  return {
    get,
    create: (draft, audit) => batch(draft.tenantId, [{ kind: 'create', document: draft }], [audit]),
    replace: (draft, ifMatch, audits = []) => batch(draft.tenantId, [{ kind: 'replace', document: draft, ifMatch }], audits),
    finish: (draft, ifMatch, documents, audits) => batch(draft.tenantId, [{ kind: 'replace', document: draft, ifMatch }, ...documents], audits),
    async audit(entry) {
      await container.items.create(entry);
    },
    async getPerson(tenantId, userId) {
      const { resource } = await container.item(userId, tenantId).read<PersonDocument & Resource>();
      return resource?.type === 'person' && resource.tenantId === tenantId ? resource : undefined;
    },
  };
}
