/**
 * Audit entries. Each entry lives in the SAME container and tenant partition as the document it
 * describes, so the change and its entry are written in one transactional batch: a change is never
 * saved without its entry, and an entry never describes a change that did not happen.
 * The API offers no route that edits or deletes an entry.
 */
import { randomUUID } from 'node:crypto';

export type AuditAction = 'create' | 'update' | 'archive' | 'restore' | 'reorder' | 'import' | 'grant' | 'revoke' | 'remap' | 'delete' | 'refuse';

export interface AuditActor {
  id: string;
  displayName: string;
}

export interface AuditDocument {
  id: string;
  tenantId: string;
  type: 'audit';
  /**
   * What kind of document changed, e.g. 'organisation', 'strategy', 'team', 'task', 'roleGrant'; in
   * onboarding 'module', 'moduleVersion' (created = published), 'cohort', 'assignment' (created =
   * assigned) and 'notification' (updated = a dead letter retried).
   */
  entityType: string;
  entityId: string;
  action: AuditAction;
  actor: AuditActor;
  /** ISO time of the change. */
  at: string;
  /** The entity's fields before and after the change (null when created / deleted). Cosmos system fields are stripped. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Optional human-readable note, e.g. "restored the version of 2026-11-20". */
  note?: string;
}

const SYSTEM_FIELDS = new Set(['_rid', '_self', '_etag', '_attachments', '_ts', '_lsn']);

/** A plain copy of a stored document without Cosmos system properties, for before/after snapshots. */
export function snapshotOf(document: object | null | undefined): Record<string, unknown> | null {
  if (!document) return null;
  return Object.fromEntries(Object.entries(document).filter(([key]) => !SYSTEM_FIELDS.has(key)));
}

export function auditDocument(input: Omit<AuditDocument, 'id' | 'type' | 'at' | 'before' | 'after'> & {
  before?: object | null;
  after?: object | null;
  at?: Date;
}): AuditDocument {
  const { before, after, at, ...rest } = input;
  return {
    ...rest,
    id: `audit-${randomUUID()}`,
    type: 'audit',
    at: (at ?? new Date()).toISOString(),
    before: snapshotOf(before),
    after: snapshotOf(after),
  };
}
