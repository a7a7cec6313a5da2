/**
 * How the drain groups due entries into Graph calls, and the small timing helpers it shares.
 */
import type { StoredOutboxDocument } from '../data/outbox-repository.js';
import { MAX_BULK_RECIPIENTS } from './graph-client.js';

export interface Batch {
  tenantId: string;
  bulk: boolean;
  entries: StoredOutboxDocument[];
}

/** Requests leave at least 5% further apart than the limit, so network jitter never pushes over it. */
export const SPACING_MARGIN = 1.05;

export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/** Entries with the same chainKey share their text: one bulk call per ≤ 100 of them. */
export function batchesOf(tenantId: string, entries: readonly StoredOutboxDocument[]): Batch[] {
  const byChain = new Map<string, StoredOutboxDocument[]>();
  for (const entry of entries) byChain.set(entry.chainKey, [...(byChain.get(entry.chainKey) ?? []), entry]);
  const batches: Batch[] = [];
  for (const group of byChain.values()) {
    for (let i = 0; i < group.length; i += MAX_BULK_RECIPIENTS) {
      const chunk = group.slice(i, i + MAX_BULK_RECIPIENTS);
      batches.push({ tenantId, bulk: chunk.length > 1, entries: chunk });
    }
  }
  return batches;
}
