/**
 * An equality index for partition-scoped queries in the embedded store, as Azure Cosmos DB's
 * range index serves them: `c.ownerId = @owner`, `ARRAY_CONTAINS(@owners, c.ownerId)` and
 * `c.type = 'team'` read only the matching documents of the partition, not all of them. Without
 * it one person's tasks cost a walk over every task of the tenant (37 ms at 50,000 tasks), which
 * made the home view slow down with the tenant's size locally while Azure answers it from its index.
 *
 * Only a top-level conjunct narrows (the WHERE must have no top-level OR); the server's own engine
 * still evaluates the whole query over the narrowed documents, so the rows are the same. Local only.
 */
import type { ResourceHandle } from './embedded-cosmos-internals.js';

/** The fields kept in the index: a task's owner and every document's kind. */
export const INDEXED_FIELDS = ['ownerId', 'type'] as const;
type Field = (typeof INDEXED_FIELDS)[number];

type Rows = Map<string, ResourceHandle>;

/** One partition's documents by (field, value), kept as documents are set and deleted. */
export class EqualityIndex {
  private readonly byField = new Map<Field, Map<string, Rows>>(INDEXED_FIELDS.map((field) => [field, new Map()]));
  /** What each document was indexed under, so it is forgotten under the same values it was added with. */
  private readonly indexedAs = new Map<string, [Field, string][]>();
  /** When each document was (re)added: the partition's own order, since the partition moves a document to its end at the same moment. */
  private readonly sequence = new Map<string, number>();
  private added = 0;

  add(rid: string, handle: ResourceHandle): void {
    this.remove(rid);
    const document = handle.read();
    if (!document) return;
    const entries: [Field, string][] = [];
    for (const field of INDEXED_FIELDS) {
      const value = document[field];
      if (typeof value !== 'string') continue;
      const values = this.byField.get(field)!;
      let rows = values.get(value);
      if (!rows) values.set(value, (rows = new Map()));
      rows.set(rid, handle);
      entries.push([field, value]);
    }
    this.indexedAs.set(rid, entries);
    this.sequence.set(rid, (this.added += 1));
  }

  remove(rid: string): void {
    for (const [field, value] of this.indexedAs.get(rid) ?? []) {
      const values = this.byField.get(field)!;
      values.get(value)?.delete(rid);
      if (values.get(value)?.size === 0) values.delete(value);
    }
    this.indexedAs.delete(rid);
    this.sequence.delete(rid);
  }

  /**
   * The partition's documents that can match the query: the smallest set one indexed conjunct
   * selects, in the partition's order; `undefined` when no conjunct can be served from the index.
   */
  candidates(query: string, parameters: readonly { name: string; value: unknown }[]): Rows | undefined {
    const wanted = indexedConjuncts(query, parameters);
    let best: string[][] | undefined;
    let bestSize = Number.POSITIVE_INFINITY;
    for (const { field, values } of wanted) {
      const size = values.reduce((total, value) => total + (this.byField.get(field)!.get(value)?.size ?? 0), 0);
      if (size < bestSize) {
        bestSize = size;
        best = values.map((value) => [field, value]);
      }
    }
    if (!best) return undefined;
    if (best.length === 1) return this.byField.get(best[0]![0] as Field)!.get(best[0]![1]!) ?? new Map();
    // Several values: merge their rows back into the partition's order (the order an unindexed query sees).
    const selected = new Map<string, ResourceHandle>();
    for (const [field, value] of best) for (const [rid, handle] of this.byField.get(field as Field)!.get(value!) ?? []) selected.set(rid, handle);
    return new Map([...selected].sort(([a], [b]) => (this.sequence.get(a) ?? 0) - (this.sequence.get(b) ?? 0)));
  }
}

/** The WHERE clause's top-level conjuncts, or none when it has a top-level OR (then nothing narrows). */
export function topLevelConjuncts(query: string): string[] {
  const where = /\bWHERE\b([\s\S]*?)(\bORDER\s+BY\b|\bGROUP\s+BY\b|\bOFFSET\b|$)/i.exec(query)?.[1];
  if (!where) return [];
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let index = 0; index < where.length; index += 1) {
    const char = where[index]!;
    if (quote) {
      if (char === quote) quote = null;
      continue;
    }
    if (char === "'" || char === '"') quote = char;
    else if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (depth === 0 && /\s/.test(char)) {
      const rest = where.slice(index + 1);
      if (/^OR\s/i.test(rest)) return [];
      if (/^AND\s/i.test(rest)) {
        parts.push(where.slice(start, index).trim());
        start = index + 4;
      }
    }
  }
  parts.push(where.slice(start).trim());
  return parts.filter((part) => part.length > 0);
}

function indexedConjuncts(query: string, parameters: readonly { name: string; value: unknown }[]): { field: Field; values: string[] }[] {
  const parameter = (name: string) => parameters.find((candidate) => candidate.name === name)?.value;
  const found: { field: Field; values: string[] }[] = [];
  for (const conjunct of topLevelConjuncts(query)) {
    let match = /^\w+\.(ownerId|type)\s*=\s*(@\w+|'[^']*')$/.exec(conjunct);
    if (match) {
      const raw = match[2]!;
      const value = raw.startsWith('@') ? parameter(raw) : raw.slice(1, -1);
      if (typeof value === 'string') found.push({ field: match[1] as Field, values: [value] });
      continue;
    }
    match = /^ARRAY_CONTAINS\(\s*(@\w+)\s*,\s*\w+\.(ownerId|type)\s*\)$/i.exec(conjunct);
    if (match) {
      const value = parameter(match[1]!);
      if (Array.isArray(value) && value.every((item) => typeof item === 'string')) found.push({ field: match[2] as Field, values: value as string[] });
    }
  }
  return found;
}
