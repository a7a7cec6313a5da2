// Builds the Teams app package: fills the manifest's ${{VAR}} placeholders, validates the result
// against the schema bundled in @microsoft/app-manifest (offline), checks the icons, and writes
// appPackage/build/appPackage.<env>.zip.
//
//   npm run package [-- <env file>]      e.g. npm run package -- appPackage/.env.prod
//
// Variables come from the environment; an env file given as argument wins over the environment.
// The package name's <env> is TEAMS_APP_ENV, else the env file's suffix (.env.prod → prod), else "dev".
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseEnv } from 'node:util';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { checkLanguageFiles, readLanguageFiles } from './languages.js';
import { decodePng, readPngHeader } from './png.js';
import { createZip } from './zip.js';

export const APP_PACKAGE_DIR = dirname(fileURLToPath(import.meta.url));
export const ICON_SIZES = { color: 192, outline: 32 } as const;

type Vars = Record<string, string | undefined>;

/** Thrown with every problem found, so one run tells a person everything to fix. */
export class PackageError extends Error {
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(`${message}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackageError';
  }
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))].sort();
}

/** Fills ${{VAR}} in a JSON template; values are JSON-escaped so any text stays valid JSON. */
export function fillManifest(template: string, vars: Vars): Record<string, unknown> {
  const missing = placeholdersIn(template).filter((name) => !vars[name]?.trim());
  if (missing.length > 0) {
    throw new PackageError('Missing variables for the app manifest (set them in the environment or the env file)', missing);
  }
  const filled = template.replace(PLACEHOLDER, (_, name: string) => JSON.stringify((vars[name] ?? '').trim()).slice(1, -1));
  return JSON.parse(filled) as Record<string, unknown>;
}

function schemaVersionOf(manifest: Record<string, unknown>): string {
  const version = manifest.manifestVersion;
  if (typeof version !== 'string' || !/^1\.\d+$/.test(version)) throw new Error(`unsupported manifestVersion ${String(version)}`);
  return version;
}

/** Loads the Teams schema for the manifest's version from the package's own copy: no network. */
export function loadBundledSchema(manifestVersion: string): object {
  const packageMain = createRequire(import.meta.url).resolve('@microsoft/app-manifest');
  const schemaPath = join(dirname(packageMain), 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  // Same clean-up the package applies: some schema versions contain \a and \v escapes JSON does not allow.
  const raw = readFileSync(schemaPath, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return JSON.parse(raw) as object;
}

export async function validateAgainstBundledSchema(manifest: Record<string, unknown>): Promise<string[]> {
  const schema = loadBundledSchema(schemaVersionOf(manifest));
  // The filled template is checked here, so it is not yet the package's typed AppManifest.
  type Args = Parameters<typeof AppManifestUtils.validateAgainstSchema>;
  return AppManifestUtils.validateAgainstSchema(manifest as unknown as Args[0], schema as Args[1]);
}

function hostOf(url: unknown): string | undefined {
  try {
    return typeof url === 'string' ? new URL(url).host : undefined;
  } catch {
    return undefined;
  }
}

function domainAllows(pattern: string, host: string): boolean {
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : pattern === host;
}

/** Rules Teams enforces beyond the JSON schema (https, domains, SSO resource shape). */
export function checkManifestRules(manifest: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const validDomains = (manifest.validDomains as string[] | undefined) ?? [];
  for (const domain of validDomains) {
    if (/[/:]/.test(domain.replace(/:\d+$/, ''))) problems.push(`validDomains: "${domain}" must be a host name, without scheme or path`);
  }
  const tabs = (manifest.staticTabs as Array<Record<string, unknown>> | undefined) ?? [];
  for (const [i, tab] of tabs.entries()) {
    for (const field of ['contentUrl', 'websiteUrl'] as const) {
      if (tab[field] === undefined) continue;
      const url = String(tab[field]);
      const host = hostOf(url);
      if (!url.startsWith('https://') || !host) problems.push(`staticTabs[${i}].${field}: "${url}" must be an https URL`);
      else if (!validDomains.some((d) => domainAllows(d, host))) problems.push(`staticTabs[${i}].${field}: host ${host} is not in validDomains`);
    }
  }
  const developer = (manifest.developer as Record<string, unknown> | undefined) ?? {};
  for (const field of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
    if (!String(developer[field] ?? '').startsWith('https://')) problems.push(`developer.${field} must be an https URL`);
  }
  const sso = manifest.webApplicationInfo as { id?: string; resource?: string } | undefined;
  const ssoHost = sso?.resource?.match(/^api:\/\/([^/]+)\/(.+)$/);
  if (!sso || !ssoHost) problems.push('webApplicationInfo.resource must look like api://<tab domain>/<client id>');
  else if (ssoHost[2] !== sso.id) problems.push('webApplicationInfo.resource must end with webApplicationInfo.id (the client id)');
  else if (!validDomains.some((d) => domainAllows(d, ssoHost[1] ?? ''))) {
    problems.push(`webApplicationInfo.resource: domain ${ssoHost[1]} is not in validDomains`);
  }
  return problems;
}

/** Teams rejects icons of the wrong size; the outline must be white on transparent. */
export function checkIcons(icons: { color: Buffer; outline: Buffer }): string[] {
  const problems: string[] = [];
  for (const [name, size] of Object.entries(ICON_SIZES) as Array<[keyof typeof ICON_SIZES, number]>) {
    try {
      const { width, height } = readPngHeader(icons[name]);
      if (width !== size || height !== size) problems.push(`${name} icon is ${width}x${height}, expected ${size}x${size}`);
    } catch (error) {
      problems.push(`${name} icon: ${(error as Error).message}`);
    }
  }
  try {
    const { pixels } = decodePng(icons.outline);
    let transparent = 0;
    let nonWhite = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] === 0) transparent++;
      else if (pixels[i] !== 255 || pixels[i + 1] !== 255 || pixels[i + 2] !== 255) nonWhite++;
    }
    if (transparent === 0) problems.push('outline icon needs a transparent background');
    if (nonWhite > 0) problems.push(`outline icon must be white only (${nonWhite} visible pixels are not white)`);
  } catch (error) {
    problems.push(`outline icon: ${(error as Error).message}`);
  }
  return problems;
}

export interface BuildOptions {
  vars: Vars;
  envName: string;
  /** Where the zip goes; defaults to appPackage/build. */
  outDir?: string;
  /** Where manifest.json and the icons are read from; defaults to appPackage/. */
  sourceDir?: string;
}

export async function buildAppPackage(options: BuildOptions): Promise<{ zipPath: string; manifest: Record<string, unknown> }> {
  if (!/^[A-Za-z0-9_-]+$/.test(options.envName)) throw new PackageError('Bad environment name', [options.envName]);
  const sourceDir = options.sourceDir ?? APP_PACKAGE_DIR;
  const manifest = fillManifest(readFileSync(join(sourceDir, 'manifest.json'), 'utf8'), options.vars);
  const icons = manifest.icons as { color: string; outline: string };
  const iconFiles = { color: readFileSync(join(sourceDir, icons.color)), outline: readFileSync(join(sourceDir, icons.outline)) };
  const languages = readLanguageFiles(manifest, sourceDir);

  const problems = [
    ...(await validateAgainstBundledSchema(manifest)).map((p) => `schema: ${p}`),
    ...checkManifestRules(manifest),
    ...checkIcons(iconFiles),
    ...(await checkLanguageFiles(manifest, languages)),
  ];
  if (problems.length > 0) throw new PackageError('The app package is not valid', problems);

  const outDir = options.outDir ?? join(APP_PACKAGE_DIR, 'build');
  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, `appPackage.${options.envName}.zip`);
  writeFileSync(
    zipPath,
    createZip([
      { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
      { name: icons.color, data: iconFiles.color },
      { name: icons.outline, data: iconFiles.outline },
      ...languages.map(({ file, strings }) => ({ name: file, data: Buffer.from(`${JSON.stringify(strings, null, 2)}\n`) })),
    ]),
  );
  return { zipPath, manifest };
}

/** Environment, overlaid with the env file's values; the name for the zip. */
export function resolveVars(env: Vars, envFile?: string): { vars: Vars; envName: string } {
  const fileVars = envFile ? parseEnv(readFileSync(envFile, 'utf8')) : {};
  const suffix = envFile ? /^\.env\.([A-Za-z0-9_-]+)$/.exec(basename(envFile))?.[1] : undefined;
  return { vars: { ...env, ...fileVars }, envName: env.TEAMS_APP_ENV || suffix || 'dev' };
}

async function main(): Promise<void> {
  const { vars, envName } = resolveVars(process.env, process.argv[2]);
  const { zipPath, manifest } = await buildAppPackage({ vars, envName });
  const tab = (manifest.staticTabs as Array<{ contentUrl: string }>)[0];
  console.log(`Wrote ${zipPath}\n  manifest ${String(manifest.manifestVersion)}, tab ${tab?.contentUrl}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
