/**
 * Where GET /api/insights spends its time, step by step, in a generated tenant (not part of `npm run bench`):
 * `node --import tsx test/bench/insights-profile.ts [tasks]`.
 */
import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { startLocalStack } from '../../api/src/local/stack.js';
import { getServices } from '../../api/src/services.js';
import { computeAlignmentFromTallies } from '../../api/src/domain/alignment.js';
import { EVERYONE_VISIBLE } from '../../api/src/domain/name-visibility.js';
import { liftRateLimits } from './lift-rate-limits.js';
import { generateOrganisation, writeOrganisation } from './generate-organisation.js';

liftRateLimits();
const tasks = Number(process.argv[2] ?? 50_000);
const org = generateOrganisation({ people: Math.round(tasks / 5), tasks, strategies: 100, seed: 42, tenantIndex: 60 });
const stack = await startLocalStack({ port: 0 });
const client = new CosmosClient({ endpoint: stack.cosmos.endpoint, key: stack.cosmos.key, agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) });
await writeOrganisation(client, org);
// PROFILE_BESIDE=50000: another tenant of that many tasks in the same store (as the bench has).
if (process.env.PROFILE_BESIDE) {
  const beside = Number(process.env.PROFILE_BESIDE);
  await writeOrganisation(client, generateOrganisation({ people: Math.round(beside / 5), tasks: beside, strategies: 100, seed: 42, tenantIndex: 61 }));
}
client.dispose();
const s = getServices();
const t = org.tenantId;
const time = async <T>(label: string, run: () => Promise<T> | T): Promise<T> => {
  let result: T | undefined;
  const runs: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const started = performance.now();
    result = await run();
    runs.push(performance.now() - started);
  }
  runs.sort((a, b) => a - b);
  console.log(`${label.padEnd(40)} ${runs[2]!.toFixed(1)} ms`);
  return result as T;
};
await s.alignmentFigures.readOrRebuild(t);
// PROFILE_STEPS=0: only the whole requests (for a CPU profile of them).
if (process.env.PROFILE_STEPS !== '0') {
const strategies = await time('strategies', () => s.strategy.listStrategies(t));
const teams = await time('teams.list', () => s.teams.list(t));
const { people, inactiveIds } = await time('listPeopleAndInactive', () => s.teams.listPeopleAndInactive(t));
const tallies = await time('alignmentFigures.readOrRebuild', () => s.alignmentFigures.readOrRebuild(t));
const active = strategies.filter((x) => x.status === 'active').map((x) => x.id);
const leaderTeam = org.people[0]!.teamId!;
const leaderOwners = people.filter((p) => p.teamId === leaderTeam).map((p) => p.id);
const listed = await time('listUnlinkedOf (leader team)', () => s.teamTasks.listUnlinkedOf(t, leaderOwners, active));
await time('listUnlinkedOf (1000 owners)', () => s.teamTasks.listUnlinkedOf(t, people.slice(0, 1000).map((p) => p.id), active));
await time('all four reads in parallel', () => Promise.all([s.strategy.listStrategies(t), s.teams.list(t), s.teams.listPeopleAndInactive(t), s.alignmentFigures.readOrRebuild(t)]));
const inputs = { strategies, teams, people, tallies, listedTasks: listed, inactiveOwnerIds: new Set(inactiveIds) };
const alignment = await time('compute (admin visibility)', () => computeAlignmentFromTallies(inputs, 5, EVERYONE_VISIBLE));
const body = await time('JSON.stringify', () => JSON.stringify(alignment));
console.log('bytes', body.length, 'teams', teams.length, 'people', people.length, 'tally owners', tallies.size);

}

// The whole request, as the tab makes it: median of 9 after a warm-up.
const issuer = s.auth.devTokenIssuer!;
for (const [who, userId] of [['Leader', org.leaderId], ['Admin', org.adminId]] as const) {
  const person = org.people.find((candidate) => candidate.id === userId)!;
  const token = await issuer.issueDevToken({ tenantId: t, userId, roles: person.roles, displayName: person.displayName });
  // CPU time of the whole process (API, embedded Cosmos thread, client): far steadier than wall time on a shared machine.
  const get = async () => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const response = await fetch(`${stack.url}/api/insights`, { headers: { authorization: `Bearer ${token}` } });
    const bytes = (await response.arrayBuffer()).byteLength;
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, bytes, status: response.status };
  };
  await get();
  const runs = [];
  for (let i = 0; i < 9; i += 1) runs.push(await get());
  const mid = (values: number[]) => [...values].sort((a, b) => a - b)[4]!;
  console.log(`GET /api/insights as ${who}`.padEnd(40), `${mid(runs.map((run) => run.ms)).toFixed(1)} ms wall, ${mid(runs.map((run) => run.cpuMs)).toFixed(1)} ms CPU, ${runs[0]!.bytes} bytes, ${runs[0]!.status}`);
}
await stack.close();
