/**
 * The tab as Static Web Apps serves it (tabs/static-web-app.ts): everything Vite built under /tab/,
 * staticwebapp.config.json at the site root, and nothing the site shouldn't serve.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SITE_CONFIG, stageStaticWebApp, TAB_PATH, TABS_DIR } from '../../tabs/static-web-app.js';

const tmp = mkdtempSync(join(tmpdir(), 'los-swa-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function fakeBuild(dir: string, withConfig = true): string {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  mkdirSync(join(dir, '.vite'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script src="/tab/assets/index.js"></script>');
  writeFileSync(join(dir, 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(join(dir, '.vite', 'manifest.json'), '{}');
  if (withConfig) writeFileSync(join(dir, SITE_CONFIG), '{"routes":[]}');
  return dir;
}

describe('Static Web App layout', () => {
  it('puts the tab under /tab/ and the site configuration at the root', () => {
    const site = stageStaticWebApp(fakeBuild(join(tmp, 'dist')), join(tmp, 'site'));
    expect(readdirSync(site).sort()).toEqual([SITE_CONFIG, TAB_PATH].sort());
    expect(readdirSync(join(site, TAB_PATH)).sort()).toEqual(['assets', 'index.html']);
    expect(readFileSync(join(site, TAB_PATH, 'assets', 'index.js'), 'utf8')).toBe('console.log(1)');
    expect(readFileSync(join(site, SITE_CONFIG), 'utf8')).toBe('{"routes":[]}');
  });

  it('replaces an earlier layout instead of mixing old files in', () => {
    const site = join(tmp, 'again');
    mkdirSync(join(site, TAB_PATH), { recursive: true });
    writeFileSync(join(site, TAB_PATH, 'stale.js'), 'old');
    stageStaticWebApp(fakeBuild(join(tmp, 'dist-again')), site);
    expect(readdirSync(join(site, TAB_PATH))).not.toContain('stale.js');
  });

  it('refuses a build without index.html or without the site configuration', () => {
    expect(() => stageStaticWebApp(join(tmp, 'nothing'), join(tmp, 'x'))).toThrow(/no index.html/);
    expect(() => stageStaticWebApp(fakeBuild(join(tmp, 'no-config'), false), join(tmp, 'y'))).toThrow(/staticwebapp.config.json/);
  });

  it('takes the site configuration the tab ships (tabs/public), with the routes to /tab/', () => {
    const config = JSON.parse(readFileSync(join(TABS_DIR, 'public', SITE_CONFIG), 'utf8')) as { navigationFallback: { rewrite: string } };
    expect(config.navigationFallback.rewrite).toBe(`/${TAB_PATH}/index.html`);
  });
});
