/**
 * What the onboarding browser test needs before a leader starts: the stack pointed at the fake
 * Microsoft Graph (as helper NOTIFY's tests do), work addresses for the people joining, and one
 * published module written through the real API as a leader.
 */
import { getServices } from '../../../api/src/services.js';
import { startFakeGraph, type FakeGraph } from '../../../api/src/local/fake-m365/fake-graph.js';
import { startE2eEnvironment, type E2eEnvironment } from './tab-session.js';

const GRAPH_SETTINGS = ['GRAPH_CLIENT_ID', 'GRAPH_BASE_URL', 'GRAPH_TENANT_AUTHORITY', 'GRAPH_CLIENT_ASSERTION'] as const;

/**
 * The browser-test environment with the stack sending to a fake Graph of its own (one that accepts any
 * tenant); closing it closes both and puts the Graph settings back as they were.
 */
export async function startE2eEnvironmentWithGraph(): Promise<E2eEnvironment & { graph: FakeGraph }> {
  const graph = await startFakeGraph();
  const previous = Object.fromEntries(GRAPH_SETTINGS.map((name) => [name, process.env[name]]));
  Object.assign(process.env, {
    GRAPH_CLIENT_ID: graph.clientId,
    GRAPH_BASE_URL: graph.baseUrl,
    GRAPH_TENANT_AUTHORITY: graph.authority,
    GRAPH_CLIENT_ASSERTION: 'local-test-assertion',
  });
  const restore = async () => {
    for (const name of GRAPH_SETTINGS) {
      if (previous[name] === undefined) delete process.env[name];
      else process.env[name] = previous[name];
    }
    await graph.close();
  };
  let env: E2eEnvironment;
  try {
    env = await startE2eEnvironment();
  } catch (error) {
    await restore();
    throw error;
  }
  return {
    ...env,
    graph,
    async close() {
      await env.close();
      await restore();
    },
  };
}

/** The UPN each person imports by: the seeded one, or one given here (as Entra would have it). */
export async function workAddresses(tenantId: string, userIds: readonly string[], domain: string): Promise<string[]> {
  const { directory } = getServices();
  const addresses: string[] = [];
  for (const userId of userIds) {
    const person = await directory.getPerson(tenantId, userId);
    if (!person) throw new Error(`No person ${userId} in the demo directory`);
    const upn = person.upn ?? `${person.displayName.toLowerCase().replace(/[^a-z]+/g, '.')}@${domain}`;
    if (!person.upn) await directory.upsert({ ...person, upn });
    addresses.push(upn);
  }
  return addresses;
}

export const E2E_MODULE_TITLE = 'Why Contoso keeps its promises';

export const E2E_MODULE = {
  title: E2E_MODULE_TITLE,
  summary: 'What stays from Fabrikam, what changes, and the strategies your work now serves.',
  estimatedMinutes: 8,
  sections: [
    {
      id: 'then-and-now',
      title: 'From Fabrikam to Contoso',
      blocks: [
        { type: 'paragraph', text: 'You joined a company that keeps delivery promises for a living.' },
        {
          type: 'thenAndNow',
          formerCompany: 'Fabrikam',
          formerMission: 'Fast regional parcels for online shops.',
          formerValues: ['Speed first', 'Friendly drivers'],
          stays: ['Friendly drivers', 'Regional know-how'],
          changes: ['A promised window replaces “as fast as possible”'],
          why: 'Manufacturers plan production around our windows.',
        },
      ],
    },
    {
      id: 'strategies',
      title: 'The strategies you now serve',
      blocks: [
        { type: 'strategyMap', caption: 'Read live from Contoso’s strategy map.' },
        { type: 'list', ordered: false, items: ['Find your team’s strategy', 'Link one task to it'] },
        { type: 'link', text: 'How we measure on-time delivery', url: 'https://contoso.example/on-time' },
      ],
    },
  ],
  questions: [
    {
      id: 'window',
      prompt: 'What does a delivery window mean at Contoso?',
      kind: 'single',
      options: [
        { id: 'estimate', text: 'An estimate we try to meet', explanation: 'An estimate may slip, and our customers plan their production lines around the window.' },
        { id: 'promise', text: 'A commitment to the customer' },
      ],
      correctOptionIds: ['promise'],
      explanation: 'Keep the promise: a window is a commitment, not an estimate.',
      hint: 'Think about what Contoso does when it misses one.',
    },
  ],
  acknowledgement: 'I understand how my work serves Contoso’s customers.',
};

/** A second, short module: what "next module" leads to. */
export const E2E_NEXT_MODULE_TITLE = 'Your first week at Contoso';
export const E2E_NEXT_MODULE = {
  title: E2E_NEXT_MODULE_TITLE,
  estimatedMinutes: 3,
  sections: [{ id: 'link', title: 'Link one task', blocks: [{ type: 'paragraph', text: 'On Home, pick a task and link it to the strategy it serves.' }] }],
  acknowledgement: 'I linked a task to a strategy.',
};

/** Writes and publishes a module (the e2e one unless given) as `token`'s leader, through the real API. */
export async function publishModule(baseUrl: string, token: string, content: object = E2E_MODULE): Promise<{ moduleId: string; versionId: string }> {
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const created = await fetch(`${baseUrl}/api/modules`, { method: 'POST', headers, body: JSON.stringify(content) });
  if (created.status !== 201 && created.status !== 200) throw new Error(`POST /api/modules answered ${created.status}: ${await created.text()}`);
  const module = (await created.json()) as { id: string; etag: string };
  const published = await fetch(`${baseUrl}/api/modules/${module.id}/publish`, { method: 'POST', headers: { ...headers, 'If-Match': module.etag } });
  if (!published.ok) throw new Error(`publish answered ${published.status}: ${await published.text()}`);
  return { moduleId: module.id, versionId: ((await published.json()) as { version: { id: string } }).version.id };
}

/** A cohort of `memberIds` assigned `versionIds` (due `dueDate`), as a leader would through the API. */
export async function assignedCohort(baseUrl: string, token: string, name: string, memberIds: string[], versionIds: string[], dueDate: string): Promise<string> {
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const cohort = await fetch(`${baseUrl}/api/cohorts`, { method: 'POST', headers, body: JSON.stringify({ name, memberIds }) });
  if (cohort.status !== 201) throw new Error(`POST /api/cohorts answered ${cohort.status}: ${await cohort.text()}`);
  const { id } = (await cohort.json()) as { id: string };
  const assigned = await fetch(`${baseUrl}/api/cohorts/${id}/assignments`, { method: 'POST', headers, body: JSON.stringify({ moduleVersionIds: versionIds, dueDate }) });
  if (assigned.status !== 201) throw new Error(`assign answered ${assigned.status}: ${await assigned.text()}`);
  return id;
}

export async function devToken(baseUrl: string, tenantId: string, userId: string): Promise<string> {
  const response = await fetch(`${baseUrl}/dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ tenantId, userId }) });
  return ((await response.json()) as { access_token: string }).access_token;
}
