/**
 * What the notification tests share: a real embedded Cosmos DB with the onboarding container,
 * the real outbox repository, the loopback fake Graph + token endpoint, and a drain wired to them
 * with a wall clock the test moves forward (pacing still runs on real time, with generous limits).
 */
import { randomUUID } from 'node:crypto';
import { CosmosClient } from '@azure/cosmos';
import https from 'node:https';
import { ensureContainers } from '../../../api/src/data/cosmos-client.js';
import { CONTAINERS, DATABASE_ID } from '../../../api/src/data/containers.js';
import { createOutboxRepository, type OutboxRepository } from '../../../api/src/data/outbox-repository.js';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../../api/src/local/embedded-cosmos.js';
import { createNotificationDrain, type DrainDependencies, type NotificationDrain } from '../../../api/src/notifications/drain.js';
import { createGraphClient } from '../../../api/src/notifications/graph-client.js';
import { clientCredentialsTokenSource, createTokenCache } from '../../../api/src/notifications/graph-token.js';
import { assignedContent } from '../../../api/src/notifications/notification-content.js';
import { assignedChainKey, assignedIdempotencyKey, enqueueNotifications, type NotificationRequest } from '../../../api/src/notifications/outbox.js';
import { startFakeGraph, type FakeGraph, type FakeGraphOptions } from '../../../api/src/local/fake-m365/fake-graph.js';

export const TENANT_A = 'aaaaaaaa-0000-4000-8000-00000000000a';
export const TENANT_B = 'bbbbbbbb-0000-4000-8000-00000000000b';

/** A tenant of its own for one test: no test sees another's outbox entries, feed or rate-limit bucket. */
export function newTenantId(): string {
  return randomUUID();
}

export interface TestClock {
  now(): number;
  advance(ms: number): void;
}

export function testClock(start = Date.parse('2026-03-02T09:00:00.000Z')): TestClock {
  let at = start;
  return { now: () => at, advance: (ms) => void (at += ms) };
}

export interface NotificationKit {
  cosmos: EmbeddedCosmos;
  client: CosmosClient;
  outbox: OutboxRepository;
  graph: FakeGraph;
  clock: TestClock;
  drain(overrides?: Partial<DrainDependencies>): NotificationDrain;
  enqueueAssignment(tenantId: string, assignmentId: string, people: number, extra?: Partial<NotificationRequest>): Promise<string[]>;
  close(): Promise<void>;
}

/** Generous pacing so tests never wait on it; the pacing itself is tested on its own. */
export const FAST_LIMITS = { bulk: { perTenantPerSecond: 1000, globalPerSecond: 1000 }, single: { perTenantPerSecond: 1000, globalPerSecond: 1000 } };

export async function startNotificationKit(graphOptions: FakeGraphOptions = {}): Promise<NotificationKit> {
  const cosmos = await startEmbeddedCosmos();
  const client = new CosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key, agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) });
  await ensureContainers(client);
  const outbox = createOutboxRepository(client.database(DATABASE_ID).container(CONTAINERS.onboarding.id));
  const graph = await startFakeGraph(graphOptions);
  const clock = testClock();

  return {
    cosmos,
    client,
    outbox,
    graph,
    clock,
    drain(overrides = {}) {
      const tokens = createTokenCache(
        clientCredentialsTokenSource({ authority: graph.authority, clientId: graph.clientId, clientAssertion: async () => 'test-assertion' }),
      );
      return createNotificationDrain({
        outbox,
        // Short enough for the hang test, long enough for a loaded 2-core machine.
        graph: createGraphClient({ baseUrl: graph.baseUrl, tokens, timeoutMs: 4_000, now: clock.now }),
        limits: FAST_LIMITS,
        retry: { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 60_000 },
        now: clock.now,
        leaseMs: 60_000,
        // Mid-range jitter: a retry is never due again before the test moves the clock.
        random: () => 0.5,
        ...overrides,
      });
    },
    async enqueueAssignment(tenantId, assignmentId, people, extra = {}) {
      const userIds = Array.from({ length: people }, (_, i) => `${assignmentId}-person-${String(i).padStart(5, '0')}`);
      const webUrl = `https://teams.microsoft.com/l/entity/app/line-of-sight-home?context=${encodeURIComponent(assignmentId)}`;
      await enqueueNotifications(
        outbox,
        tenantId,
        userIds.map((userId) => ({
          recipientUserId: userId,
          kind: 'assigned',
          assignmentId,
          idempotencyKey: assignedIdempotencyKey(assignmentId, userId),
          chainKey: assignedChainKey(assignmentId),
          content: assignedContent('Our mission and why it matters', '2026-03-20', webUrl),
          ...extra,
        })),
        new Date(clock.now()),
      );
      return userIds;
    },
    async close() {
      await graph.close();
      client.dispose();
      await cosmos.close();
    },
  };
}

/** Every outbox entry of the tenant by state. */
export async function statesOf(kit: NotificationKit, tenantId: string, assignmentIds: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const assignmentId of assignmentIds) {
    for (const entry of await kit.outbox.listForAssignment(tenantId, assignmentId)) counts[entry.state] = (counts[entry.state] ?? 0) + 1;
  }
  return counts;
}
