/**
 * The maintained alignment figures (domain/alignment-figures.ts) as stored: FIGURE_SHARDS documents
 * per tenant in the TASKS container, beside the tasks, so every task write moves them in its own
 * transactional batch (audited-batch.ts adds `incr` patches computed from the batch's task audit
 * entries): a crash leaves both or neither, and concurrent writers never lose an increment (patch
 * `incr` is applied by the store, not read-modify-write).
 *
 * Rebuilding (first read of a tenant, and the nightly recompute) is crash- and race-safe: make sure
 * every shard exists, read the shards (etags), then read the tasks, then replace each shard with
 * If-Match. A write between the shard read and the replace changes the etag → 412 → start again;
 * a write before the shard read is in the tasks read too. Shards carry no ownerId, so task queries
 * (which all require one) never see them.
 *
 * Reading (insights, on every request) keeps the last tallies of a few tenants per instance, keyed on
 * every shard's etag: a cheap query for the etags says whether they are still the stored ones. Every
 * write to a shard (a task write's patch, a rebuild) changes its etag, so a cached answer is never
 * served after a write, and the key holds the tenant, so never to another tenant.
 */
import type { Container, JSONObject, OperationInput, PatchOperation, Resource } from '@azure/cosmos';
import {
  combineChanges,
  countKey,
  countsByShard,
  driftBetween,
  FIGURE_SHARDS,
  shardOf,
  tallyChanges,
  tallyTasks,
  talliesFromCounts,
  type OwnerTallies,
  type TallyChange,
  type TaskLinkFact,
} from '../domain/alignment-figures.js';
import type { AuditDocument } from './audit.js';

export const FIGURES_TYPE = 'alignmentFigures';
export const figuresShardId = (shard: number): string => `alignment-figures-${shard}`;

export interface FiguresShardDocument {
  id: string;
  tenantId: string;
  type: typeof FIGURES_TYPE;
  shard: number;
  /** `"<ownerId>|<strategyId or ''>"` → number of tasks. */
  counts: Record<string, number>;
  /** Set by a rebuild: until then the shard only holds increments since it was created. */
  rebuiltAt?: string;
}

/** Cosmos accepts at most 10 operations in one patch. */
const PATCH_OPERATIONS = 10;

/** The task writes in a batch, as the figure changes they make (from the batch's own audit entries). */
export function figureChangesOf(audits: readonly Pick<AuditDocument, 'entityType' | 'before' | 'after'>[]): TallyChange[] {
  const fact = (snapshot: Record<string, unknown> | null): TaskLinkFact | null =>
    snapshot && typeof snapshot.ownerId === 'string' ? { ownerId: snapshot.ownerId, strategyId: typeof snapshot.strategyId === 'string' ? snapshot.strategyId : null } : null;
  return combineChanges(audits.filter((entry) => entry.entityType === 'task').flatMap((entry) => tallyChanges(fact(entry.before), fact(entry.after))));
}

/** `incr` patches for the changes: one patch per shard and per 10 counts. */
export function figurePatchOperations(tenantId: string, changes: readonly TallyChange[]): OperationInput[] {
  const byShard = new Map<number, PatchOperation[]>();
  for (const { ownerId, strategyKey, by } of changes) {
    const shard = shardOf(ownerId);
    if (!byShard.has(shard)) byShard.set(shard, []);
    byShard.get(shard)?.push({ op: 'incr', path: `/counts/${countKey(ownerId, strategyKey)}`, value: by });
  }
  const operations: OperationInput[] = [];
  for (const [shard, patches] of [...byShard].sort(([a], [b]) => a - b)) {
    for (let start = 0; start < patches.length; start += PATCH_OPERATIONS) {
      operations.push({ operationType: 'Patch', id: figuresShardId(shard), partitionKey: tenantId, resourceBody: { operations: patches.slice(start, start + PATCH_OPERATIONS) } });
    }
  }
  return operations;
}

export interface StoredFigures {
  tallies: OwnerTallies;
  /** Every shard exists and has been rebuilt once: the tallies count every task. */
  complete: boolean;
}

export interface RebuildResult {
  tallies: OwnerTallies;
  /** What the stored figures lacked (or had too much of) before the rebuild: the repaired drift. */
  drift: TallyChange[];
  tasks: number;
  /** The figures had been built before (else this was their first build, and `drift` is everything). */
  wasComplete: boolean;
}

export interface AlignmentFiguresRepository {
  read(tenantId: string): Promise<StoredFigures>;
  /**
   * The stored figures when complete; otherwise rebuilt from the tasks first. The answer may be shared
   * with other reads of the same stored figures (this instance's cache): treat it as read-only.
   */
  readOrRebuild(tenantId: string): Promise<OwnerTallies>;
  /** Recounts every task of the tenant and replaces the figures (etag-guarded; retried on a concurrent write). */
  rebuild(tenantId: string): Promise<RebuildResult>;
  /** Tests and repairs: adds changes to the stored counts as a task write would. */
  applyChanges(tenantId: string, changes: readonly TallyChange[]): Promise<void>;
}

type StoredShard = FiguresShardDocument & Resource;
const MAX_REBUILD_ATTEMPTS = 5;
/** Tenants whose tallies one instance keeps (at 10,000 people a tenant's are a few MB). */
const CACHED_TENANTS = 16;

/** What identifies the stored figures: every shard's etag, or undefined while any is missing or not yet rebuilt. */
function versionOf(shards: readonly (Pick<StoredShard, '_etag' | 'rebuiltAt'> | undefined)[]): string | undefined {
  if (!shards.every((shard) => shard?.rebuiltAt !== undefined)) return undefined;
  return shards.map((shard) => shard?._etag ?? '').join(',');
}

export function createAlignmentFiguresRepository(container: Container, now: () => Date = () => new Date()): AlignmentFiguresRepository {
  const cached = new Map<string, { version: string; tallies: OwnerTallies }>();

  /** The shards' etags and whether each was rebuilt, without their counts: a few hundred bytes however large the tenant. */
  async function readVersion(tenantId: string): Promise<string | undefined> {
    const { resources } = await container.items
      .query<Pick<StoredShard, 'id' | 'tenantId' | 'shard' | '_etag' | 'rebuiltAt'>>(
        {
          query: 'SELECT c.id, c.tenantId, c.shard, c._etag, c.rebuiltAt FROM c WHERE c.tenantId = @tenantId AND c.type = @type',
          parameters: [{ name: '@tenantId', value: tenantId }, { name: '@type', value: FIGURES_TYPE }],
        },
        { partitionKey: tenantId, maxItemCount: -1 },
      )
      .fetchAll();
    const shards: (Pick<StoredShard, '_etag' | 'rebuiltAt'> | undefined)[] = Array.from({ length: FIGURE_SHARDS }, () => undefined);
    for (const shard of resources) if (shard.tenantId === tenantId && shard.id === figuresShardId(shard.shard)) shards[shard.shard] = shard;
    return versionOf(shards);
  }

  function remember(tenantId: string, version: string, tallies: OwnerTallies): void {
    cached.delete(tenantId);
    cached.set(tenantId, { version, tallies });
    // Map keeps insertion order: the first key is the tenant read longest ago.
    if (cached.size > CACHED_TENANTS) cached.delete(cached.keys().next().value as string);
  }

  /** Every shard of the tenant, by number (undefined where missing): one query, served from the index on `type`. */
  async function readShards(tenantId: string): Promise<(StoredShard | undefined)[]> {
    const { resources } = await container.items
      .query<StoredShard>(
        { query: 'SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = @type', parameters: [{ name: '@tenantId', value: tenantId }, { name: '@type', value: FIGURES_TYPE }] },
        { partitionKey: tenantId, maxItemCount: -1 },
      )
      .fetchAll();
    const shards: (StoredShard | undefined)[] = Array.from({ length: FIGURE_SHARDS }, () => undefined);
    for (const shard of resources) if (shard.tenantId === tenantId && shard.id === figuresShardId(shard.shard)) shards[shard.shard] = shard;
    return shards;
  }

  const talliesOf = (shards: readonly (StoredShard | undefined)[]) => talliesFromCounts(shards.flatMap((shard) => Object.entries(shard?.counts ?? {})));

  async function listTaskFacts(tenantId: string): Promise<TaskLinkFact[]> {
    const { resources } = await container.items
      .query<TaskLinkFact>(
        { query: 'SELECT c.ownerId, c.strategyId FROM c WHERE c.tenantId = @tenantId AND IS_DEFINED(c.ownerId)', parameters: [{ name: '@tenantId', value: tenantId }] },
        { partitionKey: tenantId, maxItemCount: -1 },
      )
      .fetchAll();
    return resources.map((task) => ({ ownerId: task.ownerId, strategyId: task.strategyId ?? null }));
  }

  async function ensureShards(tenantId: string, shards: readonly (StoredShard | undefined)[]): Promise<void> {
    await Promise.all(
      shards.map(async (stored, shard) => {
        if (stored) return;
        const document: FiguresShardDocument = { id: figuresShardId(shard), tenantId, type: FIGURES_TYPE, shard, counts: {} };
        // 409: another rebuild created it first, which is just as good.
        await container.items.create(document).catch((error: { code?: number }) => {
          if (error.code !== 409) throw error;
        });
      }),
    );
  }

  async function rebuild(tenantId: string): Promise<RebuildResult> {
    await ensureShards(tenantId, await readShards(tenantId));
    for (let attempt = 0; attempt < MAX_REBUILD_ATTEMPTS; attempt += 1) {
      const shards = await readShards(tenantId);
      const tasks = await listTaskFacts(tenantId);
      const recounted = tallyTasks(tasks);
      const counts = countsByShard(recounted);
      const rebuiltAt = now().toISOString();
      const results = await Promise.all(
        shards.map(async (stored, shard) => {
          if (!stored) return false;
          const document: FiguresShardDocument = { id: stored.id, tenantId, type: FIGURES_TYPE, shard, counts: counts[shard] ?? {}, rebuiltAt };
          try {
            await container.item(stored.id, tenantId).replace(document as unknown as JSONObject, { accessCondition: { type: 'IfMatch', condition: stored._etag } });
            return true;
          } catch (error) {
            if ((error as { code?: number }).code === 412 || (error as { code?: number }).code === 404) return false;
            throw error;
          }
        }),
      );
      // A shard that moved meanwhile holds an increment the tasks read may lack: recount (the others are right already).
      if (results.every(Boolean)) {
        const wasComplete = shards.every((shard) => shard?.rebuiltAt !== undefined);
        return { tallies: recounted, drift: driftBetween(talliesOf(shards), recounted), tasks: tasks.length, wasComplete };
      }
    }
    throw new Error(`The alignment figures of tenant ${tenantId} kept changing while being rebuilt`);
  }

  async function read(tenantId: string): Promise<StoredFigures> {
    const shards = await readShards(tenantId);
    return { tallies: talliesOf(shards), complete: shards.every((shard) => shard?.rebuiltAt !== undefined) };
  }

  return {
    read,
    rebuild,
    async readOrRebuild(tenantId) {
      const known = cached.get(tenantId);
      if (known && (await readVersion(tenantId)) === known.version) return known.tallies;
      const shards = await readShards(tenantId);
      const version = versionOf(shards);
      if (version === undefined) return (await rebuild(tenantId)).tallies;
      const tallies = talliesOf(shards);
      remember(tenantId, version, tallies);
      return tallies;
    },
    async applyChanges(tenantId, changes) {
      const operations = figurePatchOperations(tenantId, changes);
      for (let start = 0; start < operations.length; start += 100) await container.items.batch(operations.slice(start, start + 100), tenantId);
    },
  };
}
