/**
 * Pure rules for leaders editing the strategy map: completeness, applying edits, reordering,
 * restoring a version from history and why a task needs a new link. No I/O.
 */
import type {
  StrategyCompletenessField,
  StrategyProgress,
  UnlinkedReason,
  UpdateOrganisationInput,
} from '../shared/contracts.js';

/** The strategy fields a leader edits (the document's content, without id/order/status). */
export interface StrategyContent {
  title: string;
  why: string;
  customerImpact: string;
  ownerId: string | null;
  progress: StrategyProgress;
  measures: string[];
}

export type OrganisationContent = Required<UpdateOrganisationInput>;

export const STRATEGY_CONTENT_FIELDS = ['title', 'why', 'customerImpact', 'ownerId', 'progress', 'measures'] as const;
export const ORGANISATION_CONTENT_FIELDS = ['name', 'vision', 'mission', 'values', 'differentiator'] as const;

/** A strategy without a *why* or a customer link is incomplete; lists what is missing. */
export function missingStrategyFields(strategy: { why?: string; customerImpact?: string }): StrategyCompletenessField[] {
  const missing: StrategyCompletenessField[] = [];
  if (!strategy.why?.trim()) missing.push('why');
  if (!strategy.customerImpact?.trim()) missing.push('customerImpact');
  return missing;
}

/** Content of a stored strategy, with defaults for documents written before these fields existed. */
export function strategyContentOf(document: {
  title: string;
  why: string;
  customerImpact: string;
  ownerId?: string | null;
  progress?: StrategyProgress;
  measures?: string[];
}): StrategyContent {
  return {
    title: document.title,
    why: document.why,
    customerImpact: document.customerImpact,
    ownerId: document.ownerId ?? null,
    progress: document.progress ?? 'not_started',
    measures: [...(document.measures ?? [])],
  };
}

/** Applies a partial edit; fields left out keep their value. */
export function applyStrategyEdit(current: StrategyContent, edit: Partial<StrategyContent>): StrategyContent {
  const next = { ...current };
  for (const field of STRATEGY_CONTENT_FIELDS) {
    const value = edit[field];
    if (value !== undefined) (next as Record<string, unknown>)[field] = value;
  }
  return next;
}

/** The display order for a new strategy: after every existing one. */
export function nextStrategyOrder(strategies: readonly { order: number }[]): number {
  return strategies.reduce((max, strategy) => Math.max(max, strategy.order), 0) + 1;
}

export interface ReorderPlanInput {
  /** Active strategies as stored, with their etags. */
  active: readonly { id: string; order: number; etag: string }[];
  /** The requested order. */
  requested: readonly { id: string; etag: string }[];
}

export type ReorderPlan =
  | { ok: true; changes: { id: string; order: number; etag: string }[]; staleIds: string[] }
  | { ok: false; errors: { path: string; message: string }[] };

/**
 * Checks that the requested order lists every active strategy exactly once, and works out the new
 * `order` values (1..n) and which requested etags are stale. Only strategies whose order changes
 * need writing.
 */
export function planReorder({ active, requested }: ReorderPlanInput): ReorderPlan {
  const byId = new Map(active.map((strategy) => [strategy.id, strategy]));
  const errors: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  requested.forEach((entry, index) => {
    if (!byId.has(entry.id)) errors.push({ path: `order.${index}.id`, message: 'Not an active strategy of your organisation' });
    else if (seen.has(entry.id)) errors.push({ path: `order.${index}.id`, message: 'Listed twice' });
    seen.add(entry.id);
  });
  const missing = active.filter((strategy) => !seen.has(strategy.id));
  if (missing.length > 0) errors.push({ path: 'order', message: `List every active strategy; missing: ${missing.map((s) => s.id).join(', ')}` });
  if (errors.length > 0) return { ok: false, errors };

  const staleIds = requested.filter((entry) => byId.get(entry.id)?.etag !== entry.etag).map((entry) => entry.id);
  const changes = requested.flatMap((entry, index) => {
    const stored = byId.get(entry.id);
    return stored && stored.order !== index + 1 ? [{ id: entry.id, order: index + 1, etag: entry.etag }] : [];
  });
  return { ok: true, changes, staleIds };
}

/** Picks the content fields out of a history snapshot; undefined when the snapshot lacks them. */
export function strategyContentFromSnapshot(snapshot: Record<string, unknown> | null): StrategyContent | undefined {
  if (!snapshot || typeof snapshot.title !== 'string') return undefined;
  return strategyContentOf({
    title: snapshot.title,
    why: typeof snapshot.why === 'string' ? snapshot.why : '',
    customerImpact: typeof snapshot.customerImpact === 'string' ? snapshot.customerImpact : '',
    ownerId: typeof snapshot.ownerId === 'string' ? snapshot.ownerId : null,
    progress: (snapshot.progress as StrategyProgress | undefined) ?? 'not_started',
    measures: Array.isArray(snapshot.measures) ? snapshot.measures.filter((m): m is string => typeof m === 'string') : [],
  });
}

export function organisationContentFromSnapshot(snapshot: Record<string, unknown> | null): OrganisationContent | undefined {
  if (!snapshot || typeof snapshot.vision !== 'string' || typeof snapshot.name !== 'string') return undefined;
  const values = Array.isArray(snapshot.values) ? (snapshot.values as { name?: unknown; description?: unknown }[]) : [];
  return {
    name: snapshot.name,
    vision: snapshot.vision,
    mission: typeof snapshot.mission === 'string' ? snapshot.mission : '',
    values: values.map((value) => ({ name: String(value.name ?? ''), description: String(value.description ?? '') })),
    differentiator: typeof snapshot.differentiator === 'string' ? snapshot.differentiator : '',
  };
}

/**
 * Why a task is on the home view's "unlinked" list: never linked (or to a strategy that is gone),
 * or its strategy was archived and it needs a new link. Undefined when the task is linked to an active strategy.
 */
export function unlinkedReasonOf(
  task: { strategyId: string | null },
  statusById: ReadonlyMap<string, 'active' | 'archived'>,
): UnlinkedReason | undefined {
  if (task.strategyId === null) return 'no_strategy';
  const status = statusById.get(task.strategyId);
  if (status === 'active') return undefined;
  return status === 'archived' ? 'strategy_archived' : 'no_strategy';
}
