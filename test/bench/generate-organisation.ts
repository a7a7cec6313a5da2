/**
 * A generated organisation for scale tests and the bench: N people in teams of about ten, M tasks,
 * S strategies, in ONE tenant. Deterministic (seeded PRNG), so a figure that changes between runs
 * is the code's doing, not the data's. Written through the real @azure/cosmos client with
 * transactional batches of 100 per partition and bounded concurrency, like a real import would.
 */
import type { CosmosClient, OperationInput } from '@azure/cosmos';
import { containersOf } from '../../api/src/data/cosmos-client.js';
import { ORGANISATION_DOCUMENT_ID, type PersonDocument, type StrategyDocument, type TaskDocument, type TeamDocument } from '../../api/src/data/documents.js';
import { seedGuid } from '../../api/src/local/seed-types.js';

export interface OrganisationSize {
  people: number;
  tasks: number;
  strategies: number;
  /** PRNG seed; the same seed gives the same organisation. */
  seed?: number;
  /** Tenant id; distinct generated tenants can live side by side. */
  tenantIndex?: number;
}

export interface GeneratedOrganisation {
  tenantId: string;
  strategies: StrategyDocument[];
  teams: TeamDocument[];
  people: PersonDocument[];
  tasks: TaskDocument[];
  /** person 0 is a Leader of team 0, person 1 an Admin, person 2 an Employee of team 0. */
  leaderId: string;
  adminId: string;
  employeeId: string;
}

/** mulberry32: tiny, fast, good enough to spread test data. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE_PER_TEAM = 10;
const EPOCH = Date.parse('2026-02-01T08:00:00.000Z');

export function generateOrganisation(size: OrganisationSize): GeneratedOrganisation {
  const random = prng(size.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const tenantIndex = size.tenantIndex ?? 1;
  const tenantId = seedGuid('5ca1e000', tenantIndex);
  const id = (kind: number, n: number) => seedGuid(`5ca1e${String(tenantIndex % 100).padStart(2, '0')}${kind}`, n);

  const strategies: StrategyDocument[] = Array.from({ length: size.strategies }, (_, index) => ({
    id: id(1, index + 1),
    tenantId,
    type: 'strategy',
    title: `Strategy ${index + 1}`,
    // Every tenth strategy is archived; every seventh lacks a why, every eleventh a customer link.
    status: index % 10 === 9 ? 'archived' : 'active',
    why: index % 7 === 6 ? '' : `Why strategy ${index + 1} matters now`,
    customerImpact: index % 11 === 10 ? '' : `How strategy ${index + 1} serves customers`,
    order: index + 1,
  }));
  const active = strategies.filter((strategy) => strategy.status === 'active');

  const teamCount = Math.max(1, Math.ceil(size.people / PEOPLE_PER_TEAM));
  const teams: TeamDocument[] = Array.from({ length: teamCount }, (_, index) => ({
    id: id(2, index + 1),
    tenantId,
    type: 'team',
    name: `Team ${String(index + 1).padStart(4, '0')}`,
    // One team in five is not mapped yet; the rest serve one to three strategies.
    strategyIds: index % 5 === 4 ? [] : [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(active).id))],
  }));

  const people: PersonDocument[] = Array.from({ length: size.people }, (_, index) => ({
    id: id(3, index + 1),
    tenantId,
    type: 'person',
    displayName: `Person ${index + 1}`,
    // One person in fifty has no team yet; the first three are in team 0.
    teamId: index < 3 ? (teams[0]?.id ?? null) : index % 50 === 49 ? null : (teams[Math.floor(index / PEOPLE_PER_TEAM) % teamCount]?.id ?? null),
    roles: index === 0 ? ['Employee', 'Leader'] : index === 1 ? ['Employee', 'Leader', 'Admin'] : ['Employee'],
  }));

  const tasks: TaskDocument[] = Array.from({ length: size.tasks }, (_, index) => {
    const roll = random();
    const strategyId = roll < 0.12 ? null : roll < 0.16 ? pick(strategies).id : pick(active).id;
    const timestamp = new Date(EPOCH + index * 1000).toISOString();
    return {
      id: id(4, index + 1),
      tenantId,
      ownerId: pick(people).id,
      title: `Task ${index + 1}`,
      strategyId,
      howItServes: strategyId ? `Task ${index + 1} moves strategy forward` : '',
      createdAt: timestamp,
      updatedAt: timestamp,
    };
  });

  const [leader, admin, employee] = people;
  if (!leader || !admin || !employee) throw new Error('A generated organisation needs at least 3 people');
  return { tenantId, strategies, teams, people, tasks, leaderId: leader.id, adminId: admin.id, employeeId: employee.id };
}

/** Runs `work` over `items` with at most `concurrency` in flight. */
async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}

export interface WriteFigures {
  documents: number;
  milliseconds: number;
}

/** Upserts the organisation into its tenant: batches of 100 (the transactional batch limit), `concurrency` at once. */
export async function writeOrganisation(client: CosmosClient, organisation: GeneratedOrganisation, concurrency = 4): Promise<WriteFigures> {
  const started = performance.now();
  const containers = containersOf(client);
  const { tenantId } = organisation;
  await containers.tenants.items.upsert({ id: tenantId, tenantId, name: 'Generated Org', onboardedAt: new Date(EPOCH).toISOString() });
  await containers.strategy.items.upsert({
    id: ORGANISATION_DOCUMENT_ID,
    tenantId,
    type: 'organisation',
    name: 'Generated Org',
    vision: 'A generated vision',
    mission: 'A generated mission',
    values: [],
    differentiator: 'Generated',
  });
  const jobs = [
    ...chunks(organisation.strategies, 100).map((batch) => ({ container: containers.strategy, batch })),
    ...chunks([...organisation.teams, ...organisation.people], 100).map((batch) => ({ container: containers.directory, batch })),
    ...chunks(organisation.tasks, 100).map((batch) => ({ container: containers.tasks, batch })),
  ];
  await inParallel(jobs, concurrency, async ({ container, batch }) => {
    const operations: OperationInput[] = batch.map((document) => ({ operationType: 'Upsert', partitionKey: tenantId, resourceBody: { ...document } }));
    const response = await container.items.batch(operations, tenantId);
    const failed = (response.result ?? []).find((result) => result.statusCode >= 400);
    if (failed) throw new Error(`Writing the generated organisation failed with ${failed.statusCode}`);
  });
  const documents = 2 + organisation.strategies.length + organisation.teams.length + organisation.people.length + organisation.tasks.length;
  return { documents, milliseconds: performance.now() - started };
}
