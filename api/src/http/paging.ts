/**
 * Keyset paging for lists that grow without bound (audit history): `?limit=&cursor=`, where the
 * cursor is the (at, id) of the last item the client saw, opaque to it (base64url JSON). Keyset
 * rather than Cosmos continuation tokens: it stays valid across restarts and new writes, and a
 * forged cursor can only move the window, never widen what the caller may read.
 */
import type { HttpRequest } from '@azure/functions';
import { z } from 'zod';
import { problems } from './problem.js';
import type { Parsed } from './request-body.js';

export interface PagePosition {
  at: string;
  id: string;
}

export interface PageRequest {
  limit: number;
  after: PagePosition | undefined;
}

// `at` is a timestamp for history, or a sort key such as a display name for searchable lists (list-query.ts).
const positionSchema = z.object({ at: z.string().max(300), id: z.string().min(1).max(200) }).strict();

export function encodeCursor(position: PagePosition): string {
  return Buffer.from(JSON.stringify({ at: position.at, id: position.id }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): PagePosition | undefined {
  try {
    const parsed = positionSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Reads `limit` (1…max, default `fallback`) and `cursor` from the query string; bad values are a 400 naming the parameter. */
export function parsePageQuery(request: HttpRequest, { fallback, max }: { fallback: number; max: number }): Parsed<PageRequest> {
  const rawLimit = request.query.get('limit');
  const rawCursor = request.query.get('cursor');
  const limit = rawLimit === null ? fallback : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    return { ok: false, response: problems.validation([{ path: 'limit', message: `Use a whole number from 1 to ${max}` }]) };
  }
  if (rawCursor === null || rawCursor === '') return { ok: true, value: { limit, after: undefined } };
  const after = rawCursor.length <= 512 ? decodeCursor(rawCursor) : undefined;
  if (!after) return { ok: false, response: problems.validation([{ path: 'cursor', message: 'Not a cursor this list gave out' }]) };
  return { ok: true, value: { limit, after } };
}

/** The page to answer from `limit + 1` items read in order: the first `limit`, and a cursor when more exist. */
export function pageOf<T extends PagePosition>(items: readonly T[], limit: number): { items: T[]; next: string | null } {
  const page = items.slice(0, limit);
  const last = page.at(-1);
  return { items: page, next: items.length > limit && last ? encodeCursor(last) : null };
}
