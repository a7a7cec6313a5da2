import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { startLocalStack } from '../../api/src/local/stack.js';
import { getServices } from '../../api/src/services.js';
import { generateOrganisation, writeOrganisation } from './generate-organisation.js';
const stack = await startLocalStack({ port: 0 });
const n = Number(process.env.TASKS ?? 1000);
const org = generateOrganisation({ people: n / 5, tasks: n, strategies: 100, seed: 42, tenantIndex: 40 });
const client = new CosmosClient({ endpoint: stack.cosmos.endpoint, key: stack.cosmos.key, agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) });
await writeOrganisation(client, org);
const s = getServices();
const t = org.tenantId; const u = org.employeeId;
async function time(name: string, f: () => Promise<unknown>, k = 10) {
  await f(); const st = performance.now(); for (let i = 0; i < k; i++) await f(); console.log(name.padEnd(30), ((performance.now() - st) / k).toFixed(2), 'ms');
}
await time('strategies', () => s.strategy.listStrategies(t));
await time('tasksForOwner', () => s.tasks.listForOwner(t, u));
await time('teams.list', () => s.teams.list(t));
await time('listPeople', () => s.teams.listPeople(t));
await time('inactive', () => s.teams.listInactivePeopleIds(t));
await time('figures', () => s.alignmentFigures.readOrRebuild(t));
await time('unlinkedOf', () => s.teamTasks.listUnlinkedOf(t, org.people.slice(0, 10).map(p => p.id), org.strategies.map(x => x.id)));
const issuer = s.auth.devTokenIssuer!;
const tok = await issuer.issueDevToken({ tenantId: t, userId: org.leaderId, roles: ['Employee', 'Leader'] });
await time('GET insights', async () => { const r = await fetch(stack.url + '/api/insights', { headers: { authorization: 'Bearer ' + tok } }); await r.text(); });
client.dispose(); await stack.close();
