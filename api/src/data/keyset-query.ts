/**
 * The Cosmos SQL of a searchable keyset page (issue 13), shared by the repositories whose lists grow
 * with the organisation: "name contains q" and "after the last item seen", ordered (sort key, id).
 * CONTAINS(LOWER(...)) runs inside the tenant partition on Azure Cosmos DB and on the embedded local
 * server alike (the latter has no case-insensitive 3-argument CONTAINS).
 */
import type { SqlParameter } from '@azure/cosmos';

export interface KeysetPageRequest {
  /** Lower-cased search text; '' matches everything. */
  q: string;
  limit: number;
  /** The (sort key, id) of the last item of the previous page. */
  after: { at: string; id: string } | undefined;
}

/** WHERE clauses (to AND with the caller's own) and their parameters. */
export function keysetClauses(sortPath: string, request: Pick<KeysetPageRequest, 'q' | 'after'>, searchPath = sortPath): { where: string[]; parameters: SqlParameter[] } {
  const where: string[] = [];
  const parameters: SqlParameter[] = [];
  if (request.q) {
    where.push(`CONTAINS(LOWER(${searchPath}), @q)`);
    parameters.push({ name: '@q', value: request.q });
  }
  if (request.after) {
    where.push(`(${sortPath} > @afterKey OR (${sortPath} = @afterKey AND c.id > @afterId))`);
    parameters.push({ name: '@afterKey', value: request.after.at }, { name: '@afterId', value: request.after.id });
  }
  return { where, parameters };
}

/** `TOP limit+1`: one more than the page, to know whether a next page exists. */
export const topOf = (limit: number) => Math.max(1, Math.floor(limit)) + 1;
