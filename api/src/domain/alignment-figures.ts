/**
 * The maintained alignment figures: how many tasks each person has per strategy ("owner tallies").
 * They hold only what depends on tasks, so a change to a task is the only change that moves them;
 * who is in which team, who still counts, which strategies are active and everyone's names are
 * applied when the figures are read (alignment.ts), so team changes, directory removals and
 * archiving a strategy never make them stale. Pure: no I/O.
 *
 * A task linked to nothing counts under the key '' (UNLINKED_KEY); a task linked to a strategy
 * under that strategy's id, whatever the strategy's status (archived ones count as unlinked when read).
 */

/** The tally key of a task linked to no strategy. */
export const UNLINKED_KEY = '';

/** What the figures need of a task. */
export interface TaskLinkFact {
  ownerId: string;
  strategyId: string | null;
}

/** Add `by` (±1, or more when repairing) to one (owner, strategy) count. */
export interface TallyChange {
  ownerId: string;
  strategyKey: string;
  by: number;
}

/** ownerId → strategy key → number of tasks (no zero entries). */
export type OwnerTallies = Map<string, Map<string, number>>;

export const strategyKeyOf = (strategyId: string | null): string => strategyId ?? UNLINKED_KEY;

/**
 * How a task write moves the figures: a create adds one, a delete takes one away, an edit that moves
 * the task to another strategy (or another owner) does both; an edit of anything else (title, due
 * date, completion) changes nothing.
 */
export function tallyChanges(before: TaskLinkFact | null, after: TaskLinkFact | null): TallyChange[] {
  if (before && after && before.ownerId === after.ownerId && strategyKeyOf(before.strategyId) === strategyKeyOf(after.strategyId)) return [];
  return [
    ...(before ? [{ ownerId: before.ownerId, strategyKey: strategyKeyOf(before.strategyId), by: -1 }] : []),
    ...(after ? [{ ownerId: after.ownerId, strategyKey: strategyKeyOf(after.strategyId), by: 1 }] : []),
  ];
}

/** Changes to the same count folded into one; counts that cancel out dropped. */
export function combineChanges(changes: readonly TallyChange[]): TallyChange[] {
  const byKey = new Map<string, TallyChange>();
  for (const change of changes) {
    const key = countKey(change.ownerId, change.strategyKey);
    const existing = byKey.get(key);
    byKey.set(key, { ...change, by: (existing?.by ?? 0) + change.by });
  }
  return [...byKey.values()].filter((change) => change.by !== 0);
}

/** Adds the changes to the tallies in place; a count that reaches 0 is removed. */
export function applyChanges(tallies: OwnerTallies, changes: readonly TallyChange[]): OwnerTallies {
  for (const { ownerId, strategyKey, by } of changes) {
    let counts = tallies.get(ownerId);
    if (!counts) tallies.set(ownerId, (counts = new Map()));
    const next = (counts.get(strategyKey) ?? 0) + by;
    if (next === 0) counts.delete(strategyKey);
    else counts.set(strategyKey, next);
    if (counts.size === 0) tallies.delete(ownerId);
  }
  return tallies;
}

/** The figures of a set of tasks, counted from scratch (what the nightly recompute writes). */
export function tallyTasks(tasks: readonly TaskLinkFact[]): OwnerTallies {
  return applyChanges(
    new Map(),
    tasks.map((task) => ({ ownerId: task.ownerId, strategyKey: strategyKeyOf(task.strategyId), by: 1 })),
  );
}

/** What must be added to `stored` to make it equal `recomputed` (empty when they agree): the drift a recompute repairs. */
export function driftBetween(stored: OwnerTallies, recomputed: OwnerTallies): TallyChange[] {
  const changes: TallyChange[] = [];
  const owners = new Set([...stored.keys(), ...recomputed.keys()]);
  for (const ownerId of owners) {
    const have = stored.get(ownerId) ?? new Map<string, number>();
    const want = recomputed.get(ownerId) ?? new Map<string, number>();
    for (const strategyKey of new Set([...have.keys(), ...want.keys()])) {
      const by = (want.get(strategyKey) ?? 0) - (have.get(strategyKey) ?? 0);
      if (by !== 0) changes.push({ ownerId, strategyKey, by });
    }
  }
  return changes;
}

// ------------------------------------------------------------------ how the figures are stored

/**
 * The figures are spread over this many documents per tenant, by owner: each stays small (about
 * 10k people × 5 strategies / 16 ≈ 3k counts, ~250 KB), concurrent writers rarely touch the same one,
 * and reading them all is one query (served from the index on `type`).
 */
export const FIGURE_SHARDS = 16;

/** The shard holding an owner's counts (FNV-1a of the id: stable across processes and releases). */
export function shardOf(ownerId: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < ownerId.length; index += 1) {
    hash ^= ownerId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % FIGURE_SHARDS;
}

/** A count's property name in its shard: owner and strategy ids are [A-Za-z0-9_-], so '|' never occurs in them. */
export const countKey = (ownerId: string, strategyKey: string): string => `${ownerId}|${strategyKey}`;

export function parseCountKey(key: string): { ownerId: string; strategyKey: string } {
  const at = key.indexOf('|');
  return { ownerId: key.slice(0, at), strategyKey: key.slice(at + 1) };
}

/** Stored counts (`{ "owner|strategy": n }`, as read from the shards) as tallies; zero and negative leftovers are dropped. */
export function talliesFromCounts(counts: Iterable<[string, number]>): OwnerTallies {
  const tallies: OwnerTallies = new Map();
  for (const [key, count] of counts) {
    if (!(count > 0)) continue;
    const { ownerId, strategyKey } = parseCountKey(key);
    let owner = tallies.get(ownerId);
    if (!owner) tallies.set(ownerId, (owner = new Map()));
    owner.set(strategyKey, count);
  }
  return tallies;
}

/** Tallies as the counts of each shard, for writing. */
export function countsByShard(tallies: OwnerTallies): Record<string, number>[] {
  const shards: Record<string, number>[] = Array.from({ length: FIGURE_SHARDS }, () => ({}));
  for (const [ownerId, counts] of tallies) {
    const shard = shards[shardOf(ownerId)]!;
    for (const [strategyKey, count] of counts) shard[countKey(ownerId, strategyKey)] = count;
  }
  return shards;
}
