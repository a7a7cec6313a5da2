import { afterAll, beforeAll, it } from 'vitest';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { openTab, startE2eEnvironment, type E2eEnvironment } from './support/tab-session.js';
let env: E2eEnvironment;
beforeAll(async () => { env = await startE2eEnvironment({ fakeM365: true }); });
afterAll(async () => { await env?.close(); });
it('debug', async () => {
  const s = await openTab(env, CONTOSO_IDS.people.aisha);
  await s.tab.getByRole('tab', { name: 'Teams', exact: true }).click();
  await s.tab.getByRole('button', { name: 'Link to Microsoft 365' }).click();
  await s.tab.getByRole('dialog').waitFor();
  await new Promise((r) => setTimeout(r, 2000));
  await s.page.screenshot({ path: '/tmp/lists-debug/dialog.png' });
  const html = await s.page.frameLocator('iframe[title="Line of Sight tab"]').locator('body').evaluate((b) => { const l = b.querySelector('[role=listbox]'); const c = b.querySelector('[role=combobox]'); const r = l?.getBoundingClientRect(); const btn=b.querySelector('[role=dialog] button[type=submit]')?.getBoundingClientRect(); const surf = b.querySelector('[role=dialog]')?.getBoundingClientRect(); const hit = btn ? document.elementFromPoint(btn.x + 10, btn.y + 10) : null; return JSON.stringify({ surf, inner: [innerWidth, innerHeight], hit: hit?.outerHTML.slice(0, 700), hitParent: hit?.parentElement?.outerHTML.slice(0,200), display: l && getComputedStyle(l).display, vis: l && getComputedStyle(l).visibility, r, btn, expanded: c?.getAttribute('aria-expanded'), options: l?.textContent }); });
  console.log(html);
}, 90_000);
