import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import {
  APP_PACKAGE_DIR,
  buildAppPackage,
  checkIcons,
  checkManifestRules,
  fillManifest,
  loadBundledSchema,
  PackageError,
  placeholdersIn,
  resolveVars,
  validateAgainstBundledSchema,
} from '../../appPackage/build.js';
import { renderColorIcon, renderOutlineIcon } from '../../appPackage/icons.js';
import { decodePng, encodePng } from '../../appPackage/png.js';
import { readZip } from './zip-reader.js';

const SAMPLE_VARS = {
  TEAMS_APP_ID: '6f1c2a3b-1111-4222-8333-944455556666',
  AAD_APP_CLIENT_ID: '0a1b2c3d-aaaa-4bbb-8ccc-123456789abc',
  TAB_DOMAIN: 'lineofsight.contoso.com',
  TAB_ENDPOINT: 'https://lineofsight.contoso.com/tab',
  DEVELOPER_NAME: 'Contoso "People" Ltd',
  DEVELOPER_WEBSITE_URL: 'https://www.contoso.com',
  PRIVACY_URL: 'https://www.contoso.com/privacy',
  TERMS_OF_USE_URL: 'https://www.contoso.com/terms',
};

const template = readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
const colorPng = readFileSync(join(APP_PACKAGE_DIR, 'color.png'));
const outlinePng = readFileSync(join(APP_PACKAGE_DIR, 'outline.png'));
const tmp = mkdtempSync(join(tmpdir(), 'los-app-package-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Manifest = Record<string, unknown> & {
  staticTabs: Array<{ contentUrl: string; scopes: string[] }>;
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
};
const fill = (vars: Record<string, string> = SAMPLE_VARS) => fillManifest(template, vars) as Manifest;

/** Width and height straight from the IHDR bytes (offsets 16 and 20). */
const ihdrSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('manifest template', () => {
  it('fills every placeholder and leaves none behind', () => {
    expect(placeholdersIn(template)).toEqual(Object.keys(SAMPLE_VARS).sort());
    const filled = JSON.stringify(fill());
    expect(filled).not.toContain('${{');
    expect(fill().developer).toMatchObject({ name: 'Contoso "People" Ltd' });
  });

  it('is documented variable by variable in appPackage/env.example', () => {
    const example = parseEnv(readFileSync(join(APP_PACKAGE_DIR, 'env.example'), 'utf8'));
    expect(Object.keys(example).sort()).toEqual(placeholdersIn(template));
  });

  it('passes the schema bundled in @microsoft/app-manifest for its version', async () => {
    const manifest = fill();
    expect(manifest.manifestVersion).toBe('1.28');
    expect(manifest.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.28/MicrosoftTeams.schema.json');
    expect(loadBundledSchema('1.28')).toHaveProperty('properties.manifestVersion.const', '1.28');
    expect(await validateAgainstBundledSchema(manifest)).toEqual([]);
  });

  it('fails the schema when the manifest is broken', async () => {
    const broken = { ...fill(), id: 'not-a-guid', accentColor: 'blue', name: { full: 'no short name' } };
    const problems = await validateAgainstBundledSchema(broken);
    expect(problems.join('\n')).toMatch(/\/id /);
    expect(problems.join('\n')).toMatch(/\/accentColor /);
    expect(problems.join('\n')).toMatch(/short/);
  });

  it('reports every missing variable by name', () => {
    const { TAB_DOMAIN: _domain, AAD_APP_CLIENT_ID: _client, ...partial } = SAMPLE_VARS;
    const attempt = () => fillManifest(template, { ...partial, PRIVACY_URL: '  ' });
    expect(attempt).toThrow(PackageError);
    expect(attempt).toThrow(/AAD_APP_CLIENT_ID[\s\S]*PRIVACY_URL[\s\S]*TAB_DOMAIN/);
  });

  it('has a personal tab whose content URL domain is in validDomains, and SSO for that domain', () => {
    const manifest = fill();
    const tab = manifest.staticTabs[0];
    expect(tab?.scopes).toEqual(['personal']);
    expect(tab?.contentUrl).toBe('https://lineofsight.contoso.com/tab/index.html');
    expect(manifest.validDomains).toContain(new URL(tab?.contentUrl ?? '').host);
    expect(manifest.webApplicationInfo).toEqual({
      id: SAMPLE_VARS.AAD_APP_CLIENT_ID,
      resource: `api://lineofsight.contoso.com/${SAMPLE_VARS.AAD_APP_CLIENT_ID}`,
    });
    expect(checkManifestRules(manifest)).toEqual([]);
  });

  it('rejects a tab hosted outside validDomains and a non-https tab', () => {
    expect(checkManifestRules(fill({ ...SAMPLE_VARS, TAB_ENDPOINT: 'https://elsewhere.example.com/tab' }))).toEqual([
      'staticTabs[0].contentUrl: host elsewhere.example.com is not in validDomains',
      'staticTabs[0].websiteUrl: host elsewhere.example.com is not in validDomains',
    ]);
    expect(checkManifestRules(fill({ ...SAMPLE_VARS, TAB_ENDPOINT: 'http://lineofsight.contoso.com/tab' }))).toHaveLength(2);
    expect(checkManifestRules(fill({ ...SAMPLE_VARS, TAB_DOMAIN: 'https://lineofsight.contoso.com' })).join('\n')).toMatch(
      /must be a host name/,
    );
  });
});

describe('icons', () => {
  it('are 192x192 (colour) and 32x32 (outline)', () => {
    expect(ihdrSize(colorPng)).toEqual({ width: 192, height: 192 });
    expect(ihdrSize(outlinePng)).toEqual({ width: 32, height: 32 });
    expect(checkIcons({ color: colorPng, outline: outlinePng })).toEqual([]);
  });

  it('outline is white on a transparent background', () => {
    const { pixels } = decodePng(outlinePng);
    const alphas = [...pixels.keys()].filter((i) => i % 4 === 3).map((i) => pixels[i] ?? 0);
    expect(alphas[0]).toBe(0); // top-left corner
    expect(alphas.filter((a) => a === 0).length).toBeGreaterThan(alphas.length / 3);
    expect(alphas.filter((a) => a === 255).length).toBeGreaterThan(50);
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] !== 0) expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([255, 255, 255]);
    }
  });

  it('colour icon is opaque', () => {
    const { pixels } = decodePng(colorPng);
    expect(pixels.filter((_, i) => i % 4 === 3).every((a) => a === 255)).toBe(true);
  });

  it('are what appPackage/icons.ts draws (regenerate after changing it)', () => {
    expect(encodePng(renderColorIcon()).equals(colorPng)).toBe(true);
    expect(encodePng(renderOutlineIcon()).equals(outlinePng)).toBe(true);
  });

  it('reports swapped or non-transparent icons', () => {
    const problems = checkIcons({ color: outlinePng, outline: colorPng });
    expect(problems).toContain('color icon is 32x32, expected 192x192');
    expect(problems).toContain('outline icon is 192x192, expected 32x32');
    expect(problems).toContain('outline icon needs a transparent background');
  });
});

describe('npm run package', () => {
  it('writes a zip with exactly the manifest, the two icons and the language files at its root', async () => {
    const { zipPath, manifest } = await buildAppPackage({ vars: SAMPLE_VARS, envName: 'test', outDir: tmp });
    expect(zipPath).toBe(join(tmp, 'appPackage.test.zip'));
    const entries = readZip(readFileSync(zipPath));
    expect([...entries.keys()].sort()).toEqual(['ar.json', 'color.png', 'de.json', 'manifest.json', 'outline.png']);
    for (const language of ['ar.json', 'de.json']) {
      expect(JSON.parse(entries.get(language)?.toString('utf8') ?? '')).toEqual(JSON.parse(readFileSync(join(APP_PACKAGE_DIR, language), 'utf8')));
    }
    expect(JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '')).toEqual(manifest);
    expect(entries.get('color.png')?.equals(colorPng)).toBe(true);
    expect(entries.get('outline.png')?.equals(outlinePng)).toBe(true);
  });

  it('refuses to package with missing variables, naming them', async () => {
    const { TEAMS_APP_ID: _id, ...partial } = SAMPLE_VARS;
    await expect(buildAppPackage({ vars: partial, envName: 'test', outDir: tmp })).rejects.toThrow(/TEAMS_APP_ID/);
  });

  it('refuses to package a manifest that fails the schema', async () => {
    const attempt = buildAppPackage({ vars: { ...SAMPLE_VARS, TEAMS_APP_ID: 'abc' }, envName: 'bad', outDir: tmp });
    await expect(attempt).rejects.toThrow(/schema: \/id /);
  });

  it('reads variables from an env file, which wins over the environment, and names the package after it', () => {
    const envFile = join(tmp, '.env.prod');
    writeFileSync(envFile, 'TAB_DOMAIN=from-file.example.com\n# comment\nAAD_APP_CLIENT_ID="quoted-value"\n');
    const { vars, envName } = resolveVars({ TAB_DOMAIN: 'from-env.example.com', PRIVACY_URL: 'https://p' }, envFile);
    expect(envName).toBe('prod');
    expect(vars).toMatchObject({ TAB_DOMAIN: 'from-file.example.com', AAD_APP_CLIENT_ID: 'quoted-value', PRIVACY_URL: 'https://p' });
    expect(resolveVars({ TEAMS_APP_ENV: 'staging' }, envFile).envName).toBe('staging');
    expect(resolveVars({}).envName).toBe('dev');
  });
});
