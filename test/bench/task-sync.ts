/**
 * Planner / To Do sync figures: one person with 5,000 tasks (half a Planner plan, half a To Do
 * list), and 200 people with 50 tasks each, through the real routes (bring in, then sync with
 * nothing changed, then sync after 10% changed at the source) against the fake Graph, which
 * throttles each person above 10 requests a second as Graph would. Printed: seconds and Graph calls
 * per 1,000 tasks, 429s met, and the ratio against the baseline — the same documents written with
 * @azure/cosmos directly in this process. Run alone: `node --import tsx test/bench/task-sync.ts`.
 */
import { pathToFileURL } from 'node:url';
import { createFakeDirectory } from '../../api/src/local/fake-m365/directory.js';
import { startFakeGraph } from '../../api/src/local/fake-m365/fake-graph.js';
import { startLocalStack, type LocalStack } from '../../api/src/local/stack.js';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { getServices } from '../../api/src/services.js';
import type { SyncOutcome } from '../../api/src/shared/contracts.js';
import { liftRateLimits } from './lift-rate-limits.js';

const TENANT = CONTOSO_IDS.tenant;
const person = (index: number) => `be0c0000-0000-4000-8000-${String(index).padStart(12, '0')}`;

interface Phase {
  label: string;
  tasks: number;
  seconds: number;
  graphCalls: number;
  throttled: number;
}

export interface TaskSyncFigures {
  scenario: string;
  phases: Phase[];
  baselineSeconds: number;
}

async function scenario(stack: LocalStack, graph: Awaited<ReturnType<typeof startFakeGraph>>, name: string, people: number, tasksEach: number): Promise<TaskSyncFigures> {
  const tenant = graph.directory.tenant(TENANT)!;
  const ids = Array.from({ length: people }, (_, index) => person(index + (name.startsWith('200') ? 1000 : 0)));
  const half = tasksEach / 2;
  for (const [n, id] of ids.entries()) {
    tenant.users.set(id, { id, displayName: `Bench ${n}`, userPrincipalName: `bench${n}@contoso.example` });
    graph.directory.grantDelegatedConsent(TENANT, id, ['Tasks.Read']);
    tenant.work.addPlan({ id: `plan-${id}`, title: `Plan ${n}`, tasks: Array.from({ length: half }, (_, i) => ({ id: `${id}-p${i}`, title: `Planner task ${i}`, assigneeIds: [id] })) });
    tenant.work.addTodoList({ id: `list-${id}`, displayName: `List ${n}`, ownerId: id, tasks: Array.from({ length: half }, (_, i) => ({ id: `${id}-t${i}`, title: `To Do task ${i}` })) });
  }
  const issuer = getServices().auth.devTokenIssuer!;
  const tokens = await Promise.all(ids.map((userId) => issuer.issueDevToken({ tenantId: TENANT, userId, roles: ['Employee'] })));
  const call = async (index: number, path: string, body?: unknown) => {
    const response = await fetch(stack.url + path, { method: 'POST', headers: { authorization: `Bearer ${tokens[index]}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    return (await response.json()) as { outcomes?: SyncOutcome[] };
  };
  /** Runs `work` for everyone, 10 people at a time; Graph calls counted at the fake. */
  const phase = async (label: string, work: (index: number) => Promise<number>): Promise<Phase> => {
    const before = graph.requests.length;
    const started = performance.now();
    let throttled = 0;
    for (let start = 0; start < ids.length; start += 10) {
      const counts = await Promise.all(ids.slice(start, start + 10).map((_, offset) => work(start + offset)));
      throttled += counts.reduce((sum, count) => sum + count, 0);
    }
    return { label, tasks: people * tasksEach, seconds: (performance.now() - started) / 1000, graphCalls: graph.requests.length - before, throttled };
  };
  const syncAll = async (index: number) => {
    let throttled = 0;
    // A throttled sync resumes on the next one, as the tab's open or the timer would.
    for (;;) {
      const outcomes = (await call(index, '/api/me/task-sources/sync')).outcomes ?? [];
      const stopped = outcomes.filter((outcome) => outcome.state === 'throttled');
      if (stopped.length === 0) return throttled;
      throttled += stopped.length;
      await new Promise((resolve) => setTimeout(resolve, 1000 * Math.max(...stopped.map((outcome) => outcome.retryAfterSeconds ?? 1))));
    }
  };

  const phases = [
    await phase('bring in', async (index) => {
      await call(index, '/api/me/task-sources/planner/import', { containerIds: [`plan-${ids[index]}`] });
      await call(index, '/api/me/task-sources/todo/import', { containerIds: [`list-${ids[index]}`] });
      return 0;
    }),
    await phase('first sync (To Do delta baseline, Planner ETags)', syncAll),
    await phase('sync, nothing changed', syncAll),
  ];
  for (const id of ids) {
    for (let i = 0; i < half; i += 10) {
      tenant.work.updatePlannerTask(`${id}-p${i}`, { title: `Planner task ${i} (renamed)` });
      tenant.work.updateTodoTask(`list-${id}`, `${id}-t${i}`, { status: 'completed' });
    }
  }
  phases.push(await phase('sync, 10% changed at the source', syncAll));

  // Baseline: the same number of task documents written straight to the store in this process.
  const container = getServices().cosmos.database('lineofsight').container('tasks');
  const started = performance.now();
  const total = people * tasksEach;
  for (let start = 0; start < total; start += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, total - start) }, (_, i) =>
        container.items.upsert({ id: `bench-baseline-${name.length}-${start + i}`, tenantId: TENANT, type: 'benchBaseline', title: 'x' }),
      ),
    );
  }
  return { scenario: name, phases, baselineSeconds: (performance.now() - started) / 1000 };
}

export async function measureTaskSync(): Promise<TaskSyncFigures[]> {
  liftRateLimits();
  const directory = createFakeDirectory([{ id: TENANT, displayName: 'Contoso Logistics', consented: true, users: [] }]);
  const graph = await startFakeGraph({ directory, taskPageSize: 100, rateLimit: { bulk: 2, single: 10, tasks: 10 } });
  Object.assign(process.env, { GRAPH_CLIENT_ID: graph.clientId, GRAPH_BASE_URL: graph.baseUrl, GRAPH_TENANT_AUTHORITY: graph.authority, GRAPH_CLIENT_ASSERTION: 'bench-assertion' });
  const stack = await startLocalStack({ port: 0 });
  const issuer = getServices().auth.devTokenIssuer!;
  graph.trustUserTokens({ jwks: issuer.jwks, issuerTemplate: issuer.issuerTemplate, audience: issuer.clientId });
  try {
    return [await scenario(stack, graph, '1 person × 5,000 tasks', 1, 5_000), await scenario(stack, graph, '200 people × 50 tasks', 200, 50)];
  } finally {
    await stack.close();
    await graph.close();
    for (const name of ['GRAPH_CLIENT_ID', 'GRAPH_BASE_URL', 'GRAPH_TENANT_AUTHORITY', 'GRAPH_CLIENT_ASSERTION']) delete process.env[name];
  }
}

export function printTaskSync(figures: readonly TaskSyncFigures[]): void {
  console.log('Planner / To Do sync through the routes to the fake Graph (10 requests/s per person, pages of 100; the API paces itself at 8/s per person)');
  for (const figure of figures) {
    console.log(`  ${figure.scenario} (baseline: the same documents upserted directly, ${(figure.baselineSeconds * 1000 / (figure.phases[0]!.tasks / 1000)).toFixed(0)} ms per 1,000 tasks)`);
    for (const phase of figure.phases) {
      const perThousand = phase.tasks / 1000;
      console.log(
        `    ${phase.label.padEnd(50)} ${(phase.seconds / perThousand).toFixed(2)} s and ${(phase.graphCalls / perThousand).toFixed(1)} Graph calls per 1,000 tasks; ` +
          `429s met: ${phase.throttled}; ${(phase.seconds / figure.baselineSeconds).toFixed(1)}× the baseline`,
      );
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printTaskSync(await measureTaskSync());
}
