/**
 * Issue 13, "lists that scale": the strategy editor never loads the whole directory to show names. In
 * real Chromium a leader opens the Strategy area, meets another leader's owner change in a conflict,
 * reads the owner changes in the history and previews an import that changes the owner, all by name,
 * while the tab never asks GET /api/people without a page size (the owner picker's pages, `?limit=`,
 * are the only people it may ask for).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { openTab, startE2eEnvironment, type E2eEnvironment } from './support/tab-session.js';

let env: E2eEnvironment;

beforeAll(async () => {
  env = await startE2eEnvironment();
});

afterAll(async () => {
  await env?.close();
});

const { tenant, people } = CONTOSO_IDS;

/** Another leader's change through the API, while the browser's leader is looking. */
async function asDaniel(method: string, path: string, body?: unknown, ifMatch?: string): Promise<{ status: number; body: unknown }> {
  const token = await fetch(`${env.stack.url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenantId: tenant, userId: people.daniel }) });
  const { access_token } = (await token.json()) as { access_token: string };
  const headers: Record<string, string> = { authorization: `Bearer ${access_token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...(ifMatch ? { 'if-match': ifMatch } : {}) };
  const response = await fetch(`${env.stack.url}${path}`, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: response.status, body: await response.json() };
}

type MapStrategy = { id: string; etag: string; title: string };
const strategyNamed = async (title: string) => ((await asDaniel('GET', '/api/strategy-map')).body as { strategies: MapStrategy[] }).strategies.find((s) => s.title === title)!;

async function setOwner(title: string, ownerId: string): Promise<void> {
  const strategy = await strategyNamed(title);
  expect((await asDaniel('PATCH', `/api/strategies/${strategy.id}`, { ownerId }, strategy.etag)).status).toBe(200);
}

describe('the strategy editor names people without loading the directory', () => {
  it('shows owners on the map, in a conflict, in the history and in an import preview by name, and never asks for every person', async () => {
    // This test's own strategy: Daniel adds it for Grace, then hands it to Ben.
    const title = 'Name every owner without the whole directory';
    const created = await asDaniel('POST', '/api/strategies', { title, why: 'Big tenants.', customerImpact: 'Fast editor.', ownerId: people.grace });
    expect(created.status).toBe(201);
    await setOwner(title, people.ben);

    // Every API request of the page, the tab's frame included.
    const apiRequests: URL[] = [];
    const session = await openTab(env, people.aisha, {
      beforeOpen: (page) =>
        page.on('request', (request) => {
          const url = new URL(request.url());
          if (url.pathname.startsWith('/api/')) apiRequests.push(url);
        }),
    });
    const { tab } = session;
    try {
      await tab.getByRole('tab', { name: 'Strategy', exact: true }).click();
      const row = tab.getByRole('listitem', { name: title, exact: true });
      await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('Owner: Ben Carter');

      // Aisha edits the title while Daniel hands the strategy to Chiara: the conflict names their owner.
      await tab.getByRole('button', { name: `Edit ${title}` }).click();
      const dialog = tab.getByRole('dialog');
      await dialog.getByLabel('Title').fill(`${title}, renamed`);
      await setOwner(title, people.chiara);
      await dialog.getByRole('button', { name: 'Save' }).click();
      const owner = tab.getByRole('region', { name: 'Someone else changed this' }).getByRole('group', { name: 'Owner' });
      await expect.poll(() => owner.textContent()).toContain('Chiara Rossi');
      expect(await owner.textContent()).toContain('Ben Carter');
      expect(await owner.textContent()).not.toContain('Someone no longer in the directory');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => tab.getByRole('dialog').count()).toBe(0);

      // The history says who handed the strategy to whom, by name.
      await tab.getByRole('button', { name: `History of ${title}` }).click();
      const drawer = tab.getByRole('dialog', { name: new RegExp(`History of ${title}`) });
      await expect.poll(() => drawer.textContent()).toContain('Owner: from Ben Carter to Chiara Rossi');
      const history = await drawer.textContent();
      expect(history).toContain('Owner: from Grace Lee to Ben Carter');
      expect(history).toContain('Daniel Okafor');
      expect(history).not.toContain('Someone no longer in the directory');

      await drawer.getByRole('button', { name: 'Close history' }).click();
      await expect.poll(() => tab.getByRole('dialog').count()).toBe(0);

      // An import preview that hands the strategy to Hugo names both owners (a dry run: nothing is written).
      const { id } = await strategyNamed(title);
      await tab.getByLabel('Or paste JSON or CSV').fill(JSON.stringify({ strategies: [{ id, title, ownerId: people.hugo }] }));
      await tab.getByRole('button', { name: 'Preview import' }).click();
      const changes = tab.getByRole('table', { name: 'Changes' });
      await expect.poll(() => changes.textContent()).toContain('Owner: from Chiara Rossi to Hugo Martins');

      // The recorder saw the editor's own requests (the map, the history)…
      const paths = apiRequests.map((url) => url.pathname);
      expect(paths).toContain('/api/strategy-map');
      expect(paths.some((path) => path.endsWith('/history'))).toBe(true);
      expect(paths).toContain('/api/strategy-map/import');
      // …and no request for every person: the owner picker may ask for a page (`?limit=`), nothing more.
      expect(apiRequests.filter((url) => url.pathname === '/api/people' && !url.searchParams.has('limit')).map(String)).toEqual([]);
    } finally {
      await session.context.close();
    }
  });
});
