// What the azd hooks and the Microsoft 365 Agents Toolkit hand each other: the toolkit keeps the ids
// of an environment's registrations in env/.env.<name>; azd keeps its values in .azure/<name>/.env
// and passes them to hooks as environment variables. Pure functions here; the hooks do the I/O.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TOOLKIT_ENV_DIR = join(REPO_ROOT, 'env');
/** The environment file that new toolkit environments start from. */
export const TEMPLATE_ENVIRONMENT = 'dev';

/** Values the toolkit writes for one environment: a new environment must not inherit them. */
export const TOOLKIT_OUTPUT_KEYS = [
  'AAD_APP_CLIENT_ID',
  'AAD_APP_OBJECT_ID',
  'AAD_APP_TENANT_ID',
  'AAD_APP_OAUTH_AUTHORITY',
  'AAD_APP_OAUTH_AUTHORITY_HOST',
  'AAD_APP_ACCESS_AS_USER_PERMISSION_ID',
  'TEAMS_APP_ID',
  'TEAMS_APP_TENANT_ID',
  'TEAMS_APP_PUBLISHED_APP_ID',
] as const;

/** Toolkit ids that infra/main.parameters.json reads from the azd environment. */
export const IDS_FOR_AZURE = ['AAD_APP_CLIENT_ID', 'TEAMS_APP_ID'] as const;

/** azd outputs (infra/main.bicep) that `atk deploy` needs: aad.manifest.json, the app manifest, the federated credential. */
export const AZURE_OUTPUTS_FOR_TOOLKIT = ['TAB_DOMAIN', 'TAB_ENDPOINT', 'API_IDENTITY_PRINCIPAL_ID', 'AZURE_TENANT_ID'] as const;

const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function assertEnvironmentName(name: string | undefined): string {
  if (!name || !ENVIRONMENT_NAME.test(name)) throw new Error(`"${name ?? ''}" is not a usable environment name (letters, digits, - and _)`);
  return name;
}

/** A new environment's file: the template's lines, with its own name and every toolkit id left blank. */
export function newEnvironmentFile(template: string, envName: string): string {
  const blank = new Set<string>(TOOLKIT_OUTPUT_KEYS);
  return template
    .split(/\r?\n/)
    .map((line) => {
      const key = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(line)?.[1];
      if (key === 'TEAMSFX_ENV') return `TEAMSFX_ENV=${envName}`;
      if (key === 'APP_NAME_SUFFIX') return `APP_NAME_SUFFIX=-${envName}`;
      return key && blank.has(key) ? `${key}=` : line;
    })
    .join('\n');
}

/** The given keys' values, or an error naming every one that is missing. */
export function requireValues<K extends string>(values: Record<string, string | undefined>, keys: readonly K[], where: string): Record<K, string> {
  const missing = keys.filter((key) => !values[key]?.trim());
  if (missing.length > 0) throw new Error(`${where} lacks ${missing.join(', ')}`);
  return Object.fromEntries(keys.map((key) => [key, values[key]?.trim() ?? ''])) as Record<K, string>;
}

export function environmentFilePath(envName: string): string {
  return join(TOOLKIT_ENV_DIR, `.env.${envName}`);
}

/** Creates env/.env.<name> from the template environment when it does not exist yet. */
export function ensureEnvironmentFile(envName: string): { path: string; created: boolean } {
  const path = environmentFilePath(envName);
  if (existsSync(path)) return { path, created: false };
  writeFileSync(path, newEnvironmentFile(readFileSync(environmentFilePath(TEMPLATE_ENVIRONMENT), 'utf8'), envName));
  return { path, created: true };
}

export function readEnvironmentFile(envName: string): Record<string, string | undefined> {
  return parseEnv(readFileSync(environmentFilePath(envName), 'utf8'));
}

/** Runs a command line tool with the console attached; throws when it fails. */
export function run(command: string, args: string[]): void {
  // npx and azd are .cmd shims on Windows, which only a shell starts.
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error) throw new Error(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit code ${result.status})`);
}

/** The toolkit CLI from this repository's devDependencies. */
export function atk(stage: 'provision' | 'deploy' | 'publish', envName: string): void {
  run('npx', ['--no-install', 'atk', stage, '--env', envName, '--interactive', 'false']);
}

export function runHook(name: string, body: () => void): void {
  try {
    body();
  } catch (error) {
    console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
