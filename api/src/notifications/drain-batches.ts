/**
 * How the drain groups due entries into Graph calls, and the small timing helpers it shares.
 */
import type { StoredOutboxDocument } from '../data/outbox-repository.js';
import { MAX_BULK_RECIPIENTS } from './graph-client.js';
import type { NotificationLanguage } from './notification-text.js';

export interface Batch {
  tenantId: string;
  bulk: boolean;
  /** What every recipient of the batch reads. */
  language: NotificationLanguage;
  entries: StoredOutboxDocument[];
}

/** Requests leave at least 5% further apart than the limit, so network jitter never pushes over it. */
export const SPACING_MARGIN = 1.05;

export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

export type RecipientLanguages = (tenantId: string, userIds: readonly string[]) => Promise<ReadonlyMap<string, NotificationLanguage>>;

/** Each due entry's recipient's language, in one lookup for the page of entries (without a lookup, or not found: English). */
export async function languageLookup(languages: RecipientLanguages | undefined, tenantId: string, due: readonly StoredOutboxDocument[]): Promise<(userId: string) => NotificationLanguage> {
  if (!languages) return () => 'en';
  const found = await languages(tenantId, [...new Set(due.map((entry) => entry.recipientUserId))]);
  return (userId) => found.get(userId) ?? 'en';
}

/** Entries with the same chainKey and recipient language share their text: one bulk call per ≤ 100 of them. */
export function batchesOf(tenantId: string, entries: readonly StoredOutboxDocument[], languageOf: (userId: string) => NotificationLanguage = () => 'en'): Batch[] {
  const groups = new Map<string, { language: NotificationLanguage; entries: StoredOutboxDocument[] }>();
  for (const entry of entries) {
    const language = languageOf(entry.recipientUserId);
    const key = `${entry.chainKey}|${language}`;
    const group = groups.get(key) ?? { language, entries: [] };
    group.entries.push(entry);
    groups.set(key, group);
  }
  const batches: Batch[] = [];
  for (const { language, entries: group } of groups.values()) {
    for (let i = 0; i < group.length; i += MAX_BULK_RECIPIENTS) {
      const chunk = group.slice(i, i + MAX_BULK_RECIPIENTS);
      batches.push({ tenantId, bulk: chunk.length > 1, language, entries: chunk });
    }
  }
  return batches;
}
