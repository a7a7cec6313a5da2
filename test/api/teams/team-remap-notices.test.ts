/**
 * A leader's bulk re-map tells the owners: one Teams notification per owner whose tasks moved, in
 * their language, through the outbox and the drain to the fake Graph; none for the leader's own
 * tasks; exactly once whether the request is retried with its Idempotency-Key, re-sent as it was,
 * or re-sent after the notices were lost between the commit and the queue (a crash); nothing for a
 * re-map that did not commit (412).
 */
import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTAINERS, DATABASE_ID } from '../../../api/src/data/containers.js';
import { remapIdOf } from '../../../api/src/domain/remap-notices.js';
import { getServices } from '../../../api/src/services.js';
import { remapResultSchema, teamTaskListSchema, type TeamTask } from '../../../api/src/shared/contracts.js';
import { CONTOSO_IDS, startAlignmentTestStack, type AlignmentTestStack } from '../alignment/alignment-test-support.js';

const { tenant, people, teams, strategies } = CONTOSO_IDS;
const HOW = 'Fewer surprises on the dock keep our delivery windows.';
let kit: AlignmentTestStack;
let cosmos: CosmosClient;
const t = {} as Record<'aisha' | 'ben' | 'chiara', string>;

beforeAll(async () => {
  kit = await startAlignmentTestStack();
  cosmos = new CosmosClient({ endpoint: kit.api.stack.cosmos.endpoint, key: kit.api.stack.cosmos.key, agent: new https.Agent({ rejectUnauthorized: false }) });
  Object.assign(t, { aisha: await kit.token('aisha'), ben: await kit.token('ben'), chiara: await kit.token('chiara') });
  // Chiara's Teams runs in German: her own request records it, and she reads German.
  expect((await kit.api.request('GET', '/api/me/tasks', { token: t.chiara, headers: { 'accept-language': 'de-DE' } })).status).toBe(200);
});
afterAll(async () => {
  cosmos?.dispose();
  await kit?.close();
});

async function operationsTasks(titles: string[]): Promise<TeamTask[]> {
  const response = await kit.api.request('GET', `/api/teams/${teams.operations}/tasks?limit=100`, { token: t.aisha });
  expect(response.status).toBe(200);
  const tasks = teamTaskListSchema.parse(response.body).tasks;
  return titles.map((title) => tasks.find((task) => task.title.startsWith(title)) ?? expectNever(title));
}
const expectNever = (title: string): never => {
  throw new Error(`seed task missing: ${title}`);
};

const bodyFor = (tasks: TeamTask[], strategyId: string = strategies.onTime) => ({ tasks: tasks.map(({ id, etag }) => ({ id, etag })), strategyId, howItServes: HOW });
const remap = (json: unknown, headers: Record<string, string> = {}) => kit.api.request('POST', `/api/teams/${teams.operations}/tasks/remap`, { token: t.aisha, json, headers });

/** The re-map notices queued, as stored: who, and what they say in English. */
async function notices() {
  const entries = (await kit.documents(tenant, 'onboarding')).filter((doc) => doc.type === 'outbox' && doc.kind === 'tasksRemapped');
  return entries.map((doc) => ({ id: doc.id, remapId: doc.assignmentId as string, to: doc.recipientUserId as string, preview: (doc.content as { previewText: string }).previewText }));
}

describe('after a bulk re-map', () => {
  it('each owner whose tasks moved gets one notification in their language, the leader none; a retry or the same re-map again adds nothing', async () => {
    const picked = await operationsTasks(['Re-plan the Tuesday Porto', 'Pair Madrid drop-offs', 'Map return legs from Milan', 'Plan the summer holiday rota']);
    const body = bodyFor(picked);
    const response = await remap(body, { 'idempotency-key': 'remap-notices-1' });
    expect(response.status, response.text).toBe(200);
    const remapId = remapIdOf(body);

    const queued = (await notices()).filter((notice) => notice.remapId === remapId);
    expect(queued.map(({ to, preview }) => [to, preview]).sort()).toEqual(
      [
        [people.ben, '2 of your tasks now serve “Deliver inside the promised window”: Fewer surprises on the dock keep our delivery windows.'],
        [people.chiara, 'One of your tasks now serves “Deliver inside the promised window”: Fewer surprises on the dock keep our delivery windows.'],
      ].sort(),
    );

    await getServices().notifications.drainAll();
    const delivered = () => kit.graph.feed(tenant).filter((entry) => entry.activityType === 'tasksRemapped');
    await expect.poll(() => delivered().map((entry) => entry.userId).sort()).toEqual([people.ben, people.chiara].sort());
    const chiara = delivered().find((entry) => entry.userId === people.chiara)!;
    expect(chiara).toMatchObject({
      topic: 'Deliver inside the promised window',
      previewText: 'Eine Ihrer Aufgaben dient jetzt der Strategie „Deliver inside the promised window“: Fewer surprises on the dock keep our delivery windows.',
      templateParameters: { strategyTitle: 'Deliver inside the promised window' },
    });
    // Straight to the owner's home view; nobody is named but the strategy.
    expect(JSON.parse(new URL(chiara.webUrl).searchParams.get('context')!)).toEqual({ subEntityId: 'home' });
    expect(JSON.stringify(delivered())).not.toMatch(/Aisha|Khan|Ben Carter|Chiara Rossi/);

    // The same key: the first answer, replayed. The same re-map without a key: 200, as it was done.
    const retried = await remap(body, { 'idempotency-key': 'remap-notices-1' });
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    const again = await remap(body);
    expect(again.status, again.text).toBe(200);
    expect(remapResultSchema.parse(again.body).tasks.map((task) => [task.id, task.strategyId, task.howItServes])).toEqual(picked.map((task) => [task.id, strategies.onTime, HOW]));
    expect((await notices()).filter((notice) => notice.remapId === remapId).map((notice) => notice.id).sort()).toEqual(queued.map((notice) => notice.id).sort());
    await getServices().notifications.drainAll();
    expect(delivered().map((entry) => [entry.userId, entry.deliveries]).sort()).toEqual([[people.ben, 1], [people.chiara, 1]].sort());
  });

  it('a re-map whose notices were lost before they were queued (a crash) queues them, once, when it is sent again', async () => {
    const picked = await operationsTasks(['Collect quotes for Lyon', 'Move Milan pick-ups']);
    const body = bodyFor(picked, strategies.emptyKm);
    expect((await remap(body)).status).toBe(200);
    const remapId = remapIdOf(body);
    await getServices().notifications.settled(tenant);
    const container = cosmos.database(DATABASE_ID).container(CONTAINERS.onboarding.id);
    const lost = (await notices()).filter((notice) => notice.remapId === remapId);
    expect(lost.map((notice) => notice.to).sort()).toEqual([people.ben, people.chiara].sort());
    for (const notice of lost) await container.item(notice.id, tenant).delete();

    for (let attempt = 0; attempt < 2; attempt++) expect((await remap(body)).status).toBe(200);
    expect((await notices()).filter((notice) => notice.remapId === remapId).map((notice) => notice.id).sort()).toEqual(lost.map((notice) => notice.id).sort());

    // Once an owner changed a task since, the old request is simply stale: 412, and nothing queued.
    const [lyon] = await operationsTasks(['Collect quotes for Lyon']);
    const ben = await kit.token('ben');
    expect((await kit.api.request('PATCH', `/api/me/tasks/${lyon!.id}`, { token: ben, headers: { 'if-match': lyon!.etag }, json: { title: 'Collect quotes for Lyon racking (changed)' } })).status).toBe(200);
    const queued = (await notices()).map((notice) => notice.id).sort();
    expect((await remap(body)).status).toBe(412);
    expect((await notices()).map((notice) => notice.id).sort()).toEqual(queued);
  });

  it('queues nothing for a re-map that did not commit (412), nor when the leader re-maps only her own tasks', async () => {
    const [logDelays, milanReturns] = await operationsTasks(['Log every dock delay', 'Map return legs from Milan']);
    const edited = await kit.api.request('PATCH', `/api/me/tasks/${logDelays!.id}`, { token: t.ben, headers: { 'if-match': logDelays!.etag }, json: { title: 'Log every dock delay (changed meanwhile)' } });
    expect(edited.status).toBe(200);
    const before = (await notices()).map((notice) => notice.id).sort();
    const stale = await remap(bodyFor([logDelays!, milanReturns!], strategies.proactiveTracking));
    expect(stale.status).toBe(412);

    const own = await operationsTasks(['Publish weekly on-time rate', 'Agree one dispatch calendar']);
    expect((await remap(bodyFor(own, strategies.proactiveTracking))).status).toBe(200);
    await getServices().notifications.settled(tenant);
    expect((await notices()).map((notice) => notice.id).sort()).toEqual(before);
  });
});
