import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { startLocalStack } from '../../api/src/local/stack.js';
import { getServices } from '../../api/src/services.js';
import { generateOrganisation, writeOrganisation } from '../../test/bench/generate-organisation.js';
const stack = await startLocalStack({ port: 0 });
const org = generateOrganisation({ people: 10000, tasks: 50000, strategies: 100, seed: 42 });
const client = new CosmosClient({ endpoint: stack.cosmos.endpoint, key: stack.cosmos.key, agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) });
await writeOrganisation(client, org);
const s = getServices();
const t = org.tenantId; const u = org.employeeId;
async function time(name: string, f: () => Promise<unknown>, n = 20) {
  await f(); const st = performance.now(); for (let i = 0; i < n; i++) await f(); console.log(name.padEnd(30), ((performance.now() - st) / n).toFixed(2), 'ms');
}
await time('tenant', () => s.tenants.get(t));
await time('organisation', () => s.strategy.getOrganisation(t));
await time('strategies', () => s.strategy.listStrategies(t));
await time('tasksForOwner', () => s.tasks.listForOwner(t, u));
await time('person', () => s.directory.getPerson(t, u));
await time('changesSince', () => s.strategyEditing.changesSince(t, '2026-01-01T00:00:00Z', [org.strategies[0]!.id], 20));
await time('teams.list', () => s.teams.list(t), 5);
await time('listPeople', () => s.teams.listPeople(t), 5);
await time('inactive', () => s.teams.listInactivePeopleIds(t), 5);
await time('listLinks', () => s.teamTasks.listLinks(t), 3);
await time('listMembers', () => s.teams.listMembers(t, org.teams[0]!.id), 5);
client.dispose(); await stack.close();
