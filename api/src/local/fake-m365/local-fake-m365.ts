/**
 * The fake Microsoft 365 of `npm start`: one fake Graph + Entra ID holding the demo tenants and
 * Northwind Traders, with the API's Graph settings pointed at it for as long as it runs. Its consent
 * and installed apps are kept in the data folder with the store, so a restart keeps a signed-up
 * Northwind signed up.
 */
import { join } from 'node:path';
import { DEFAULT_TEAMS_APP_ID } from '../../services.js';
import { FAKE_M365_STATE_FILE } from '../local-data-dir.js';
import { startFakeGraph, type FakeGraph } from './fake-graph.js';
import { keepFakeDirectoryIn, localFakeDirectory } from './local-tenants.js';
import { NORTHWIND_TENANT_ID } from './northwind.js';

export interface StartedFakeM365 {
  graph: FakeGraph;
  close(): Promise<void>;
}

/** The API settings the fake stands in for; restored when it stops. */
const GRAPH_SETTINGS = ['GRAPH_CLIENT_ID', 'GRAPH_BASE_URL', 'GRAPH_TENANT_AUTHORITY', 'GRAPH_CLIENT_ASSERTION', 'TENANT_SIGNUP', 'ALLOWED_TENANT_IDS'] as const;

/** A fixed client id for the local app registration (the fake Entra ID knows only this one). */
export const LOCAL_GRAPH_CLIENT_ID = '6c6f7300-de70-4000-8000-0000000000a5';

export async function startLocalFakeM365(dataDir?: string): Promise<StartedFakeM365> {
  const directory = localFakeDirectory(process.env.TEAMS_APP_ID ?? DEFAULT_TEAMS_APP_ID);
  if (dataDir) await keepFakeDirectoryIn(directory, join(dataDir, FAKE_M365_STATE_FILE));
  const graph = await startFakeGraph({
    clientId: LOCAL_GRAPH_CLIENT_ID,
    directory,
    refuseUndeclaredTenants: true,
    rateLimit: { bulk: 2, single: 10, tasks: 10 },
  });
  const previous = Object.fromEntries(GRAPH_SETTINGS.map((name) => [name, process.env[name]]));
  process.env.GRAPH_CLIENT_ID = graph.clientId;
  process.env.GRAPH_BASE_URL = graph.baseUrl;
  process.env.GRAPH_TENANT_AUTHORITY = graph.authority;
  // Stands in for the managed identity's token; the fake Entra ID checks one is present.
  process.env.GRAPH_CLIENT_ASSERTION = 'local-fake-m365-assertion';
  // Sign-up as in Azure (an allow-list), with Northwind on it, unless the developer chose otherwise.
  if (process.env.TENANT_SIGNUP === undefined) {
    process.env.TENANT_SIGNUP = 'allow-list';
    process.env.ALLOWED_TENANT_IDS = NORTHWIND_TENANT_ID;
  }
  return {
    graph,
    async close() {
      for (const name of GRAPH_SETTINGS) {
        if (previous[name] === undefined) delete process.env[name];
        else process.env[name] = previous[name];
      }
      await graph.close();
    },
  };
}
