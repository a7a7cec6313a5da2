/**
 * Every ORDER BY over two or more fields that the API runs has the composite index Azure Cosmos DB
 * needs for it, declared in containers.ts (and so in Bicep and locally).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTAINERS, type CompositeIndexPath, type ContainerDefinition } from '../../../api/src/data/containers.js';
import { REPO_ROOT } from '../../infra/bicep.js';

const API_SRC = join(REPO_ROOT, 'api', 'src');

/** "c.at DESC, c.id" → [{ path: '/at', order: 'descending' }, { path: '/id', order: 'ascending' }] */
function orderByPaths(clause: string): CompositeIndexPath[] {
  return clause.split(',').map((part) => {
    const [field = '', direction = 'ASC'] = part.trim().split(/\s+/);
    return { path: `/${field.replace(/^c\./, '').replaceAll('.', '/')}`, order: direction.toUpperCase() === 'DESC' ? 'descending' : 'ascending' };
  });
}

/** ORDER BY clauses written out in the API's queries (and `orderBy: '...'` values handed to a query builder). */
function orderByClauses(): Array<{ file: string; clause: string }> {
  const found: Array<{ file: string; clause: string }> = [];
  for (const file of readdirSync(API_SRC, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.ts') && !p.startsWith('local'))) {
    const source = readFileSync(join(API_SRC, file), 'utf8');
    const patterns = [/ORDER BY ((?:c\.[\w.]+(?:\s+(?:ASC|DESC))?)(?:\s*,\s*c\.[\w.]+(?:\s+(?:ASC|DESC))?)*)/g, /orderBy:\s*'([^']+)'/g];
    for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push({ file, clause: match[1] ?? '' });
  }
  return found;
}

/** Cosmos DB serves an ORDER BY from a composite index in the same order, or in exactly the opposite one. */
function served(paths: CompositeIndexPath[], index: readonly CompositeIndexPath[]): boolean {
  const flip = (order: string) => (order === 'ascending' ? 'descending' : 'ascending');
  const same = index.length === paths.length && index.every((p, i) => p.path === paths[i]?.path && p.order === paths[i]?.order);
  const opposite = index.length === paths.length && index.every((p, i) => p.path === paths[i]?.path && flip(p.order) === paths[i]?.order);
  return same || opposite;
}

describe('composite indexes', () => {
  const clauses = orderByClauses();
  const indexes = Object.values<ContainerDefinition>(CONTAINERS).flatMap((c) => c.compositeIndexes ?? []);

  it('finds the ORDER BY clauses the code runs (so the check below checks something)', () => {
    expect(clauses.map((c) => c.clause)).toEqual(expect.arrayContaining(['c.at DESC, c.id DESC']));
  });

  it('has one for every ORDER BY over two or more fields', () => {
    const missing = clauses.filter(({ clause }) => orderByPaths(clause).length > 1 && !indexes.some((index) => served(orderByPaths(clause), index)));
    expect(missing).toEqual([]);
  });

  it('reads ORDER BY clauses into index paths', () => {
    expect(orderByPaths('c.at DESC, c.id')).toEqual([
      { path: '/at', order: 'descending' },
      { path: '/id', order: 'ascending' },
    ]);
    expect(served(orderByPaths('c.at ASC, c.id ASC'), [{ path: '/at', order: 'descending' }, { path: '/id', order: 'descending' }])).toBe(true);
    expect(served(orderByPaths('c.at DESC, c.id ASC'), [{ path: '/at', order: 'descending' }, { path: '/id', order: 'descending' }])).toBe(false);
  });
});
