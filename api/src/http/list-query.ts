/**
 * Reads a searchable list's `?q=&limit=&cursor=` with the shared schema (shared/list-contracts.ts)
 * and answers pages keyset-style (http/paging.ts): the cursor is the (sort key, id) of the last item
 * the client saw, so a page never repeats or skips an item however the list changes between pages.
 */
import type { HttpRequest } from '@azure/functions';
import { LIST_QUERY_KEYS, listQuerySchema } from '../shared/list-contracts.js';
import { decodeCursor, encodeCursor, type PagePosition } from './paging.js';
import { problems } from './problem.js';
import { fieldErrorsFrom, type Parsed } from './request-body.js';

export interface ListRequest {
  /** Lower-cased search text; '' lists everything. */
  q: string;
  limit: number;
  after: PagePosition | undefined;
}

/** True when the caller asked for a page (any list parameter present): routes that answered whole lists keep doing so otherwise. */
export function asksForPage(request: HttpRequest): boolean {
  return LIST_QUERY_KEYS.some((key) => request.query.has(key));
}

export function parseListQuery(request: HttpRequest): Parsed<ListRequest> {
  const raw = Object.fromEntries(LIST_QUERY_KEYS.flatMap((key) => (request.query.has(key) ? [[key, request.query.get(key)]] : [])));
  const parsed = listQuerySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, response: problems.validation(fieldErrorsFrom(parsed.error)) };
  const { q, limit, cursor } = parsed.data;
  const after = cursor ? decodeCursor(cursor) : undefined;
  if (cursor && !after) return { ok: false, response: problems.validation([{ path: 'cursor', message: 'Not a cursor this list gave out' }]) };
  return { ok: true, value: { q: q.toLowerCase(), limit, after } };
}

/** The page from `limit + 1` items read in order, and the next cursor (the last item's sort key and id) when more exist. */
export function keysetPage<T>(items: readonly T[], limit: number, positionOf: (item: T) => PagePosition): { items: T[]; nextCursor: string | null } {
  const page = items.slice(0, limit);
  const last = page.at(-1);
  return { items: page, nextCursor: items.length > limit && last ? encodeCursor(positionOf(last)) : null };
}

