import type { PageParams } from './use-paged-search';

/** `q=&limit=&cursor=` for the list routes (api/src/shared/list-contracts.ts), cursor only after the first page. */
export function listQueryString({ q, cursor, limit }: PageParams): string {
  const params = new URLSearchParams({ q, limit: String(limit) });
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}
