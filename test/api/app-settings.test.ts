/**
 * api/src/app-settings.ts against the code and the Bicep: every environment variable the API reads
 * is listed; the function app's settings in Bicep are exactly the ones marked `bicep`; a setting our
 * code is said to read is really read; local-only switches never reach Azure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_SETTINGS, type AppSetting } from '../../api/src/app-settings.js';
import { elements, propertyAt, readBicepFiles, REPO_ROOT, resourceOfType, stringValue } from '../infra/bicep.js';

const API_SRC = join(REPO_ROOT, 'api', 'src');
const settings = Object.entries(APP_SETTINGS) as Array<[string, AppSetting]>;
const named = (predicate: (s: AppSetting) => boolean) => settings.filter(([, s]) => predicate(s)).map(([name]) => name).sort();

/**
 * Every `env.NAME` / `process.env.NAME` / `env['NAME']` in the API's TypeScript, and every quoted
 * NAME_WITH_UNDERSCORES (names kept in constants and read as `env[name]`), with where it appears.
 */
function environmentReads(): Map<string, string[]> {
  const reads = new Map<string, string[]>();
  const files = readdirSync(API_SRC, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.ts') && !p.endsWith('app-settings.ts'));
  for (const file of files) {
    const source = readFileSync(join(API_SRC, file), 'utf8');
    const pattern = /\benv\??\.([A-Za-z_][A-Za-z0-9_]*)\b|\benv\[\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*\]|['"`]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)['"`]/g;
    for (const match of source.matchAll(pattern)) {
      const name = match[1] ?? match[2] ?? match[3] ?? '';
      reads.set(name, [...(reads.get(name) ?? []), relative(REPO_ROOT, join(API_SRC, file))]);
    }
  }
  return reads;
}

function bicepAppSettings(): string[] {
  const file = readBicepFiles().find((f) => f.path === 'infra/modules/function-app.bicep');
  const site = resourceOfType(file!.root, 'Microsoft.Web/sites');
  return elements(propertyAt(site.body, 'properties', 'siteConfig', 'appSettings'))
    .map((s) => stringValue(propertyAt(s, 'name')) ?? '')
    .sort();
}

describe('app settings', () => {
  const reads = environmentReads();

  it('lists every environment variable the API code reads', () => {
    expect(reads.size).toBeGreaterThan(10);
    const unlisted = [...reads.keys()].filter((name) => !(name in APP_SETTINGS));
    expect(unlisted.map((name) => `${name} (read in ${reads.get(name)?.join(', ')})`)).toEqual([]);
  });

  it('says our code reads a setting only where it really does', () => {
    expect(named((s) => s.readBy === 'api').filter((name) => !reads.has(name))).toEqual([]);
  });

  it('sets in Bicep exactly the settings marked bicep, and none of them is a secret', () => {
    expect(bicepAppSettings()).toEqual(named((s) => s.source === 'bicep'));
    expect(bicepAppSettings().filter((name) => /KEY|SECRET|PASSWORD|TOKEN|ASSERTION/i.test(name))).toEqual([]);
  });

  it('keeps local-only switches and platform variables out of every Bicep file', () => {
    const infra = readBicepFiles().map((f) => f.source).join('\n');
    for (const name of named((s) => s.source === 'local' || s.source === 'platform')) expect(infra, name).not.toMatch(new RegExp(`\\b${name}\\b`));
  });

  it('has a purpose for every setting', () => {
    expect(settings.filter(([, s]) => s.purpose.length < 10).map(([name]) => name)).toEqual([]);
  });
});
