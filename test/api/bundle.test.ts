/**
 * The API's deployment package (api/bundle.ts): built from the installed lockfile versions into a
 * folder of its own, it must load where no node_modules exist, register every function the source
 * registers, need nothing the Functions host doesn't provide, and carry no dev dependency.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_DIR, buildApiPackage, BUNDLE_FILE, HOST_PROVIDED_MODULES, packageOfInput, type ApiPackage } from '../../api/bundle.js';
import { readZip } from '../appPackage/zip-reader.js';

const REPO_ROOT = join(API_DIR, '..');
const run = promisify(execFile);

// Outside the repository: node resolution from here finds no node_modules of ours.
const outDir = mkdtempSync(join(tmpdir(), 'los-api-package-'));
let built: ApiPackage;
beforeAll(async () => {
  built = await buildApiPackage(outDir);
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Names of the functions api/src/index.ts registers, read from its source. */
function registrationsInSource(): { http: string[]; timers: string[] } {
  const source = readFileSync(join(API_DIR, 'src', 'index.ts'), 'utf8');
  const names = (kind: string) => [...source.matchAll(new RegExp(`^app\\.${kind}\\('([^']+)'`, 'gm'))].map((m) => m[1] ?? '');
  return { http: names('http'), timers: names('timer') };
}

interface LockPackage {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  /** Optional peers (e.g. debug's supports-color): used when installed, so a bundler takes them too. */
  peerDependenciesMeta?: Record<string, unknown>;
}

/** Every package the api workspace needs at run time, following package-lock.json the way Node resolves. */
function productionClosure(): Set<string> {
  const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockPackage> };
  const locate = (name: string, from: string): string | undefined => {
    for (let dir = from; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/node_modules/')))) {
      const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
      if (lock.packages[candidate]) return candidate;
      if (!dir.includes('/node_modules/')) {
        return lock.packages[`node_modules/${name}`] ? `node_modules/${name}` : undefined;
      }
    }
  };
  const seen = new Set<string>();
  const visit = (location: string) => {
    const entry = lock.packages[location];
    if (!entry || seen.has(location)) return;
    seen.add(location);
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies, ...entry.peerDependenciesMeta })) {
      const found = locate(name, location);
      if (found) visit(found);
    }
  };
  visit('api');
  seen.delete('api');
  return new Set([...seen].map((location) => location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length)));
}

describe('API deployment package', () => {
  it('is a folder with host.json, a package.json naming the bundle, and the bundle; nothing else', () => {
    expect(readdirSync(built.folder).sort()).toEqual([BUNDLE_FILE, 'host.json', 'package.json'].sort());
    expect(readFileSync(join(built.folder, 'host.json'), 'utf8')).toBe(readFileSync(join(API_DIR, 'host.json'), 'utf8'));
    const manifest = JSON.parse(readFileSync(join(built.folder, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ main: BUNDLE_FILE, type: 'module' });
    expect(manifest).not.toHaveProperty('dependencies');
    expect(manifest).not.toHaveProperty('devDependencies');
  });

  it('is reproducible: built again, the zip is the same byte for byte', async () => {
    const again = await buildApiPackage(mkdtempSync(join(tmpdir(), 'los-api-package-again-')));
    try {
      expect(readFileSync(again.zipPath).equals(readFileSync(built.zipPath))).toBe(true);
    } finally {
      rmSync(join(again.zipPath, '..'), { recursive: true, force: true });
    }
  });

  it('zips the same three files for the manual fallback (zip deploy)', () => {
    const entries = readZip(readFileSync(built.zipPath));
    expect([...entries.keys()].sort()).toEqual([BUNDLE_FILE, 'host.json', 'package.json'].sort());
    expect(entries.get(BUNDLE_FILE)?.equals(readFileSync(join(built.folder, BUNDLE_FILE)))).toBe(true);
  });

  it('bundles only the api workspace\'s production dependencies, and none of the local stack', () => {
    const closure = productionClosure();
    expect(closure).toContain('@azure/cosmos');
    expect(closure).not.toContain('vitest');
    expect(built.bundledPackages).toEqual(expect.arrayContaining(['@azure/cosmos', '@azure/functions', '@azure/identity', 'jose', 'zod']));
    expect(built.bundledPackages.filter((name) => !closure.has(name))).toEqual([]);
    expect(built.inputs).toContain('api/src/index.ts');
    expect(built.inputs.filter((input) => input.replaceAll('\\', '/').startsWith('api/src/local/'))).toEqual([]);
  });

  it('requires nothing at run time but Node built-ins and the module the Functions host provides', () => {
    const bundle = readFileSync(join(built.folder, BUNDLE_FILE), 'utf8');
    // A format placeholder is a log message quoting require (require-in-the-middle's debug text), not a module.
    const required = new Set([...bundle.matchAll(/\b(?:__require|require)\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? '').filter((name) => !/^%[a-z]$/.test(name)));
    const allowed = new Set<string>([...builtinModules, ...builtinModules.map((name) => `node:${name}`), ...HOST_PROVIDED_MODULES]);
    expect([...required].filter((name) => !allowed.has(name))).toEqual([]);
    expect(required).toContain('@azure/functions-core');
  });

  it('loads on its own, outside the repository, and registers every function of api/src/index.ts', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join('test', 'api', 'support', 'load-api-bundle.ts'), join(built.folder, BUNDLE_FILE)], {
      cwd: REPO_ROOT,
      // Nothing from the environment may configure it: it must load with no settings at all.
      env: { PATH: process.env.PATH ?? '' },
    });
    const registered = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { http: string[]; timers: string[] };
    const expected = registrationsInSource();
    expect(expected.http.length).toBeGreaterThan(50);
    expect(registered.http.sort()).toEqual([...expected.http].sort());
    expect(registered.timers).toEqual(expected.timers);
  });

  it('names the package of a bundled file, scoped or not, nested or not', () => {
    expect(packageOfInput('node_modules/@azure/cosmos/dist/esm/index.js')).toBe('@azure/cosmos');
    expect(packageOfInput('node_modules/a/node_modules/jose/dist/x.js')).toBe('jose');
    expect(packageOfInput('api/src/index.ts')).toBeUndefined();
  });
});
