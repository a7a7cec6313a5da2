/**
 * The Microsoft 365 Agents Toolkit project (m365agents.yml, env/.env.dev): valid against the schema
 * the toolkit CLI ships for its version, stages in the order the deployment needs, every file it names
 * present, and every ${{VAR}} it or its manifests use supplied by someone: a toolkit action, the
 * environment file, or an azd output the hooks pass in.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { placeholdersIn } from '../../appPackage/build.js';
import { AZURE_OUTPUTS_FOR_TOOLKIT, IDS_FOR_AZURE, newEnvironmentFile, TOOLKIT_OUTPUT_KEYS } from '../../infra/hooks/toolkit-env.js';
import { bicepFile, outputs, readBicepFiles, REPO_ROOT } from '../infra/bicep.js';
import { toolkitYamlSchema } from './support/toolkit.js';

interface Action {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface ToolkitProject {
  version: string;
  projectId?: string;
  environmentFolderPath: string;
  provision: Action[];
  deploy: Action[];
  publish: Action[];
}

const ymlText = readFileSync(join(REPO_ROOT, 'm365agents.yml'), 'utf8');
const project = parse(ymlText) as ToolkitProject;
const envDev = parseEnv(readFileSync(join(REPO_ROOT, 'env', '.env.dev'), 'utf8'));
const uses = (stage: Action[]) => stage.map((a) => a.uses);

const validateAgainstSchema = new Ajv({ strict: false, allErrors: true }).compile(toolkitYamlSchema(project.version));
function validateProject(candidate: unknown): string[] {
  return validateAgainstSchema(candidate) ? [] : (validateAgainstSchema.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

describe('m365agents.yml', () => {
  it('is valid against the toolkit CLI\'s own schema for its version', () => {
    expect(project.version).toMatch(/^v1\.\d+$/);
    expect(validateProject(project)).toEqual([]);
  });

  it('fails that schema when an action is misspelt or lacks an argument (so the check above can fail)', () => {
    const misspelt = { ...project, provision: [{ ...project.provision[0], uses: 'aadApp/creat' }] };
    expect(validateProject(misspelt).length).toBeGreaterThan(0);
    const incomplete = { ...project, deploy: [{ uses: 'aadApp/update', with: { manifestPath: './aad.manifest.json' } }] };
    expect(validateProject(incomplete).length).toBeGreaterThan(0);
  });

  it('has a project id, so the toolkit does not rewrite the file to add one', () => {
    expect(project.projectId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('creates the ids before Azure, configures after Azure, publishes last', () => {
    expect(uses(project.provision)).toEqual(['aadApp/create', 'teamsApp/create']);
    expect(uses(project.deploy)).toEqual(['aadApp/update', 'script', 'teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/validateAppPackage', 'teamsApp/update']);
    expect(uses(project.publish)).toEqual(['teamsApp/validateAppPackage', 'teamsApp/publishAppPackage']);
  });

  it('creates a multi-tenant registration without a client secret', () => {
    const create = project.provision[0];
    expect(create?.with).toMatchObject({ generateClientSecret: false, signInAudience: 'AzureADMultipleOrgs' });
    expect(JSON.stringify(project)).not.toMatch(/SECRET_/);
  });

  it('names files that exist, and zips the package where npm run package puts it', () => {
    const paths = [...project.provision, ...project.deploy, ...project.publish].flatMap((a) => [a.with?.manifestPath].filter((p): p is string => typeof p === 'string'));
    expect(paths.sort()).toEqual(['./aad.manifest.json', './appPackage/manifest.json', './appPackage/manifest.json'].sort());
    for (const path of paths) expect(existsSync(join(REPO_ROOT, path)), path).toBe(true);
    const script = project.deploy.find((a) => a.uses === 'script')?.with?.run;
    expect(script).toBe('node --import tsx infra/hooks/federated-credential.ts');
    expect(existsSync(join(REPO_ROOT, 'infra', 'hooks', 'federated-credential.ts'))).toBe(true);
    const zip = project.deploy.find((a) => a.uses === 'teamsApp/zipAppPackage')?.with;
    expect(zip).toMatchObject({ outputZipPath: './appPackage/build/appPackage.${{TEAMSFX_ENV}}.zip', outputFolder: './appPackage/build' });
  });
});

describe('environment variables', () => {
  const written = new Set([...project.provision, ...project.deploy, ...project.publish].flatMap((a) => Object.values(a.writeToEnvironmentFile ?? {})));
  // aadApp/update generates the scope's id when the manifest uses it and it is empty.
  const generated = new Set(['AAD_APP_ACCESS_AS_USER_PERMISSION_ID', 'TEAMSFX_ENV']);
  const fromAzure = new Set<string>(AZURE_OUTPUTS_FOR_TOOLKIT);
  const used = [
    ...placeholdersIn(ymlText),
    ...placeholdersIn(readFileSync(join(REPO_ROOT, 'aad.manifest.json'), 'utf8')),
    ...placeholdersIn(readFileSync(join(REPO_ROOT, 'appPackage', 'manifest.json'), 'utf8')),
  ];

  it('every ${{VAR}} of the project and its manifests is written by an action, generated, in env/.env.dev, or an azd output', () => {
    const supplied = (name: string) => written.has(name) || generated.has(name) || fromAzure.has(name) || Boolean(envDev[name]?.trim());
    expect(used.length).toBeGreaterThan(10);
    expect([...new Set(used)].filter((name) => !supplied(name))).toEqual([]);
  });

  it('the azd outputs the toolkit reads are outputs of main.bicep', () => {
    const main = bicepFile(readBicepFiles(), 'infra/main.bicep');
    expect([...fromAzure].filter((name) => !outputs(main.root).has(name))).toEqual([]);
  });

  it('env/.env.dev commits no ids: every value the toolkit writes is blank there, and known to the hooks', () => {
    expect([...written].filter((name) => !(TOOLKIT_OUTPUT_KEYS as readonly string[]).includes(name))).toEqual([]);
    for (const key of TOOLKIT_OUTPUT_KEYS) expect(envDev[key], key).toBe('');
    for (const key of IDS_FOR_AZURE) expect(written.has(key), key).toBe(true);
  });

  it('a new environment starts from env/.env.dev with its own name and every id blank', () => {
    const template = 'TEAMSFX_ENV=dev\nAPP_NAME_SUFFIX=-dev\nAAD_APP_CLIENT_ID=0a1b2c3d-aaaa-4bbb-8ccc-123456789abc\nTEAMS_APP_ID=x\nDEVELOPER_NAME=Contoso\n# note';
    expect(parseEnv(newEnvironmentFile(template, 'prod'))).toEqual({ TEAMSFX_ENV: 'prod', APP_NAME_SUFFIX: '-prod', AAD_APP_CLIENT_ID: '', TEAMS_APP_ID: '', DEVELOPER_NAME: 'Contoso' });
    expect(newEnvironmentFile(template, 'prod')).toContain('# note');
  });

  it('git keeps env/.env.<name> and never the .user files with secrets', () => {
    const lines = readFileSync(join(REPO_ROOT, '.gitignore'), 'utf8').split('\n');
    const keep = lines.indexOf('!env/.env.*');
    const ignoreUser = lines.indexOf('env/.env.*.user');
    expect(keep).toBeGreaterThan(lines.indexOf('.env.*'));
    expect(ignoreUser).toBeGreaterThan(keep);
  });
});
