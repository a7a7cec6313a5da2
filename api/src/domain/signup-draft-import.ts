/**
 * Importing an existing strategy-map export (JSON or CSV) into a sign-up draft (pure). The same
 * preview as a leader's import (strategy-map-import.ts) runs against the draft as if it were the map,
 * after the rows are made to fit an organisation that has no people and no strategies of its own yet:
 * owners are left out (they are assigned once people sync), ids the draft doesn't know make new
 * strategies, and archived rows of new strategies are skipped. Applying turns the changes into the
 * draft's next company name, statement and first strategies.
 */
import type { SignupDraftDocument } from '../data/documents.js';
import type { ImportChange } from '../shared/import-export-contracts.js';
import { SIGNUP_LIMITS } from '../shared/signup-contracts.js';
import type { CurrentStrategyMap, ImportRows } from './strategy-map-import.js';

type Draft = Pick<SignupDraftDocument, 'companyName' | 'statement' | 'strategies'>;
type DraftStrategy = SignupDraftDocument['strategies'][number];

/** The draft as the import preview sees a strategy map. */
export function draftAsMap(draft: Draft): CurrentStrategyMap {
  return {
    organisation: draft.companyName && draft.statement ? { name: draft.companyName, ...draft.statement } : null,
    strategies: draft.strategies.map((strategy, index) => ({ ...strategy, order: index + 1, status: 'active', ownerId: null, progress: 'not_started' })),
    personIds: new Set(),
  };
}

/** The file's rows, fitted to a draft (see above). */
export function rowsForDraft(rows: ImportRows, draft: Draft): ImportRows {
  const known = new Set(draft.strategies.map((strategy) => strategy.id));
  const strategies = rows.strategies.flatMap(({ row, value }) => {
    const { ownerId, id, ...rest } = value;
    void ownerId;
    const isKnown = id !== undefined && known.has(id);
    if (!isKnown && rest.status === 'archived') return [];
    return [{ row, value: isKnown ? { ...rest, id } : rest }];
  });
  return { ...(rows.organisation ? { organisation: rows.organisation } : {}), strategies, invalidRowIds: rows.invalidRowIds.filter((id) => known.has(id)) };
}

const afterOf = (change: ImportChange) => Object.fromEntries(change.fields.map(({ field, after }) => [field, after])) as Record<string, unknown>;

/** The draft's next content once the preview's changes are applied; new strategies get ids from `newId`. */
export function applyImportToDraft(draft: Draft, changes: readonly ImportChange[], newId: () => string): Draft | { tooMany: number } {
  let { companyName, statement } = draft;
  const ordered = new Map<string, { order: number; strategy: DraftStrategy }>(draft.strategies.map((strategy, index) => [strategy.id, { order: index + 1, strategy }]));
  for (const change of changes) {
    if (change.kind === 'unchanged') continue;
    const after = afterOf(change);
    if (change.entityType === 'organisation') {
      const current = { name: companyName ?? '', vision: '', mission: '', values: [], differentiator: '', ...statement };
      const next = { ...current, ...after } as typeof current;
      companyName = next.name;
      statement = { vision: next.vision, mission: next.mission, values: next.values, differentiator: next.differentiator };
      continue;
    }
    const existing = change.id ? ordered.get(change.id) : undefined;
    if (change.kind === 'archive' || after.status === 'archived') {
      if (change.id) ordered.delete(change.id);
      continue;
    }
    const base: DraftStrategy = existing?.strategy ?? { id: newId(), title: '', why: '', customerImpact: '', measures: [] };
    const strategy: DraftStrategy = {
      id: base.id,
      title: typeof after.title === 'string' ? after.title : base.title,
      why: typeof after.why === 'string' ? after.why : base.why,
      customerImpact: typeof after.customerImpact === 'string' ? after.customerImpact : base.customerImpact,
      measures: Array.isArray(after.measures) ? (after.measures as string[]) : base.measures,
    };
    ordered.set(strategy.id, { order: typeof after.order === 'number' ? after.order : (existing?.order ?? Number.MAX_SAFE_INTEGER), strategy });
  }
  const strategies = [...ordered.values()].sort((a, b) => a.order - b.order).map((entry) => entry.strategy);
  if (strategies.length > SIGNUP_LIMITS.maxStrategies) return { tooMany: strategies.length };
  return { companyName, statement, strategies };
}
