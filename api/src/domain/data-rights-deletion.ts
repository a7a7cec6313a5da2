/**
 * Deleting a whole tenant (pure): the typed confirmation, the grace period, when the timer acts, and
 * what the status route shows. The log entry (data/tenant-deletion-log.ts) holds no personal data: the
 * requester is an opaque hash of tenant and object id, which names nobody once the tenant is gone.
 */
import { createHash } from 'node:crypto';
import { DATA_RIGHTS_LIMITS, type TenantDeletionStatus } from '../shared/data-rights-contracts.js';

export const TENANT_DELETIONS_PARTITION = 'tenant-deletions';

export type TenantDeletionLogState = 'scheduled' | 'deleting' | 'done' | 'cancelled';

export interface TenantDeletionDocument {
  id: string;
  tenantId: typeof TENANT_DELETIONS_PARTITION;
  type: 'tenantDeletion';
  deletedTenantId: string;
  /** Opaque: sha-256 of tenant and object id (see opaqueRequester). */
  requestedBy: string;
  requestedAt: string;
  deleteAfter: string;
  state: TenantDeletionLogState;
  cancelledAt: string | null;
  startedAt: string | null;
  doneAt: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whitespace at the ends and letter case are forgiven; everything else must match the name exactly. */
export function confirmationMatches(typed: string, tenantName: string): boolean {
  const normalise = (value: string) => value.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
  return normalise(typed) !== '' && normalise(typed) === normalise(tenantName);
}

export function opaqueRequester(tenantId: string, userId: string): string {
  return createHash('sha256').update(`tenant-deletion:${tenantId}:${userId}`).digest('hex').slice(0, 32);
}

export function newTenantDeletion(input: { id: string; tenantId: string; userId: string; now: Date; graceDays?: number }): TenantDeletionDocument {
  const graceDays = input.graceDays ?? DATA_RIGHTS_LIMITS.gracePeriodDays;
  return {
    id: input.id,
    tenantId: TENANT_DELETIONS_PARTITION,
    type: 'tenantDeletion',
    deletedTenantId: input.tenantId,
    requestedBy: opaqueRequester(input.tenantId, input.userId),
    requestedAt: input.now.toISOString(),
    deleteAfter: new Date(input.now.getTime() + graceDays * DAY_MS).toISOString(),
    state: 'scheduled',
    cancelledAt: null,
    startedAt: null,
    doneAt: null,
  };
}

/** A pending request: scheduled, or started and not finished (a crash mid-way). */
export const isPending = (entry: Pick<TenantDeletionDocument, 'state'>) => entry.state === 'scheduled' || entry.state === 'deleting';

/** Whether the timer carries it out now: started ones always (to finish), scheduled ones once the grace period has passed. */
export function isDue(entry: Pick<TenantDeletionDocument, 'state' | 'deleteAfter'>, now: Date): boolean {
  return entry.state === 'deleting' || (entry.state === 'scheduled' && Date.parse(entry.deleteAfter) <= now.getTime());
}

/**
 * After `done`, the timer sweeps the tenant again for this long: another instance may still hold the
 * tenant as onboarded (cached up to 5 minutes, data/tenants-repository.ts) and write a first-request
 * person record meanwhile. Unless the tenant has signed up again (its tenant document exists).
 */
export const SWEEP_AFTER_DONE_MS = 15 * 60 * 1000;

export function needsSweep(entry: Pick<TenantDeletionDocument, 'state' | 'doneAt'>, now: Date): boolean {
  return entry.state === 'done' && entry.doneAt !== null && now.getTime() - Date.parse(entry.doneAt) <= SWEEP_AFTER_DONE_MS;
}

/** The latest request of a tenant (by requestedAt), if any. */
export function latestOf<T extends Pick<TenantDeletionDocument, 'requestedAt' | 'id'>>(entries: readonly T[]): T | undefined {
  return [...entries].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt) || b.id.localeCompare(a.id))[0];
}

export function deletionStatus(entry: (TenantDeletionDocument & { _etag?: string }) | undefined, tenantName: string, canManage: boolean): TenantDeletionStatus {
  return {
    state: entry?.state ?? 'none',
    tenantName,
    requestedAt: entry?.requestedAt ?? null,
    deleteAfter: entry && isPending(entry) ? entry.deleteAfter : null,
    cancelledAt: entry?.cancelledAt ?? null,
    canManage,
    etag: entry?._etag ?? null,
    gracePeriodDays: DATA_RIGHTS_LIMITS.gracePeriodDays,
  };
}
