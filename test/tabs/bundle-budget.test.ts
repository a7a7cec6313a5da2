import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { HOME_VIEW_BUDGET_KB, OUTSIDE_TEAMS_BUDGET_KB, homeViewLoad, outsideTeamsLoad } from './bundle-budget';

const dist = fileURLToPath(new URL('../../tabs/dist', import.meta.url));

function manifest(): Record<string, { file: string; imports?: string[]; css?: string[] }> {
  // `npm test` builds first; running this file alone needs `npm run build -w tabs`.
  expect(existsSync(`${dist}/.vite/manifest.json`), 'tabs/dist is not built: run `npm run build -w tabs`').toBe(true);
  return JSON.parse(readFileSync(`${dist}/.vite/manifest.json`, 'utf8')) as Record<string, { file: string; imports?: string[]; css?: string[] }>;
}

describe('the home view download', () => {
  it(`stays within ${HOME_VIEW_BUDGET_KB} KB of gzipped JS and CSS: boot, shell, home view and the panel it shows`, () => {
    manifest();
    const load = homeViewLoad(dist);
    const files = load.files.map((f) => f.file).join(' ');
    expect(files).toMatch(/LineOfSightPage-/);
    expect(files).toMatch(/main-/);
    expect(files).toMatch(/TaskSourcesPanel-/);
    // Lazy dialogs, classic zod (the other areas' contracts), the dark/high-contrast themes and the outside-Teams page.
    expect(files).not.toMatch(/TaskDialog-|RemoveTaskDialog-|outside-teams-page-|zod-classic-|other-themes-/);
    expect(load.totalGzipKb).toBeLessThanOrEqual(HOME_VIEW_BUDGET_KB);
  });
});

describe('the page a browser outside Teams gets', () => {
  it('is its own tiny entry: the boot script and a plain page, no React, Fluent, teams-js or shell', () => {
    const chunks = manifest();
    const boot = chunks['index.html'];
    const page = chunks['src/components/outside-teams-page.ts'];
    // Nothing is imported statically: the shell is loaded (dynamically) only when a Teams host may be there.
    expect(boot?.imports ?? []).toEqual([]);
    expect(page?.imports ?? []).toEqual([]);
    const load = outsideTeamsLoad(dist);
    expect(load.files.map((f) => f.file)).toEqual([boot?.file, page?.file]);
    const html = readFileSync(`${dist}/index.html`);
    expect((load.jsGzipBytes + load.cssGzipBytes + gzipSync(html, { level: 9 }).byteLength) / 1024).toBeLessThanOrEqual(OUTSIDE_TEAMS_BUDGET_KB);
  });

  it('has nothing render-blocking: one deferred module script, no stylesheets or preloads of the shell', () => {
    const html = readFileSync(`${dist}/index.html`, 'utf8');
    expect(html.match(/<script\b[^>]*>/g)).toEqual([expect.stringMatching(/^<script type="module" crossorigin src="\/tab\/assets\/index-[^"]+\.js">$/)]);
    expect(html).not.toMatch(/<link\b[^>]*rel="(stylesheet|modulepreload)"/);
  });
});
