/**
 * azure.yaml against what it drives: the services azd deploys are the resources Bicep tags for them,
 * each service's `dist` is what its build writes, the hooks exist, every Bicep parameter azd must
 * fill is mapped in main.parameters.json from a value azd or a hook provides, and main.bicep outputs
 * what the hooks, the toolkit and the tab's build read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { API_DIR } from '../../api/bundle.js';
import { AZURE_OUTPUTS_FOR_TOOLKIT, IDS_FOR_AZURE } from '../../infra/hooks/toolkit-env.js';
import { TABS_DIR } from '../../tabs/static-web-app.js';
import { bicepFile, moduleNamed, outputs, parameters, readBicepFiles, REPO_ROOT, requiredParameters, resourceOfType } from '../infra/bicep.js';

interface Hook {
  shell?: string;
  run: string;
  posix?: Hook;
  windows?: Hook;
}
interface Service {
  project: string;
  language?: string;
  host: string;
  dist?: string;
  remoteBuild?: boolean;
}
interface AzureYaml {
  name: string;
  infra: { provider: string; path: string; module: string };
  hooks: Record<string, Hook>;
  services: Record<string, Service>;
}

const azureYaml = parse(readFileSync(join(REPO_ROOT, 'azure.yaml'), 'utf8')) as AzureYaml;
const files = readBicepFiles();
const main = bicepFile(files, 'infra/main.bicep');
const resources = bicepFile(files, 'infra/resources.bicep');
const functionApp = bicepFile(files, 'infra/modules/function-app.bicep');
const parametersFile = JSON.parse(readFileSync(join(REPO_ROOT, 'infra', 'main.parameters.json'), 'utf8')) as { parameters: Record<string, { value: string }> };
/** Values azd itself sets in every environment. */
const AZD_BUILT_INS = ['AZURE_ENV_NAME', 'AZURE_LOCATION', 'AZURE_PRINCIPAL_ID'];

const serviceTag = (body: string | undefined) => /'azd-service-name': '([^']+)'/.exec(body ?? '')?.[1];

describe('azure.yaml', () => {
  it('provisions infra/main.bicep with Bicep', () => {
    expect(azureYaml.infra).toEqual({ provider: 'bicep', path: 'infra', module: 'main' });
    expect(existsSync(join(REPO_ROOT, 'infra', 'main.bicep'))).toBe(true);
  });

  it('deploys the API to the Function App and the tab to the Static Web App that Bicep tags for them', () => {
    expect(Object.keys(azureYaml.services).sort()).toEqual(['api', 'tab']);
    expect(azureYaml.services.api).toMatchObject({ host: 'function', project: 'api' });
    expect(azureYaml.services.tab).toMatchObject({ host: 'staticwebapp', project: 'tabs' });
    expect(serviceTag(resourceOfType(functionApp.root, 'Microsoft.Web/sites').body?.text)).toBe('api');
    expect(serviceTag(moduleNamed(resources.root, 'staticWebApp').body?.text)).toBe('tab');
    const tagged = files.flatMap((f) => [...f.source.matchAll(/'azd-service-name': '([^']+)'/g)].map((m) => m[1])).sort();
    expect(tagged).toEqual(Object.keys(azureYaml.services).sort());
  });

  it('deploys the API bundle folder the api build writes, with nothing to install on the server', () => {
    const api = azureYaml.services.api;
    expect(api?.dist).toBe(relative(API_DIR, join(API_DIR, 'dist', 'azure-functions')).replaceAll('\\', '/'));
    expect(api?.remoteBuild).toBe(false);
    const scripts = (JSON.parse(readFileSync(join(API_DIR, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.postbuild).toBe('node --import tsx bundle.ts');
  });

  it('deploys the Static Web App layout the tab build writes', () => {
    expect(azureYaml.services.tab?.dist).toBe('dist-swa');
    const scripts = (JSON.parse(readFileSync(join(TABS_DIR, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.postbuild).toBe('node --import tsx static-web-app.ts');
  });

  it('runs the toolkit around provisioning, with the same command on every platform', () => {
    expect(Object.keys(azureYaml.hooks).sort()).toEqual(['postprovision', 'preprovision']);
    for (const [name, hook] of Object.entries(azureYaml.hooks)) {
      expect(hook.posix?.run, name).toBe(`node --import tsx infra/hooks/${name}.ts`);
      expect(hook.windows?.run, name).toBe(hook.posix?.run);
      expect(existsSync(join(REPO_ROOT, 'infra', 'hooks', `${name}.ts`)), name).toBe(true);
    }
  });
});

describe('main.parameters.json', () => {
  const mapped = parametersFile.parameters;
  const variables = (value: string) => [...value.matchAll(/\$\{([A-Z_][A-Z0-9_]*)(=[^}]*)?\}/g)].map((m) => ({ name: m[1] ?? '', hasDefault: m[2] !== undefined }));

  it('maps every parameter main.bicep requires, and only parameters it declares', () => {
    const declared = parameters(main.root).map((p) => p.name);
    expect(Object.keys(mapped).filter((name) => !declared.includes(name))).toEqual([]);
    expect(requiredParameters(main.root).filter((name) => !(name in mapped))).toEqual([]);
  });

  it('reads azd\'s own values, the ids the preprovision hook stores, or optional values with a default', () => {
    const unknown = Object.values(mapped)
      .flatMap((p) => variables(p.value))
      .filter((v) => !v.hasDefault && !AZD_BUILT_INS.includes(v.name) && !(IDS_FOR_AZURE as readonly string[]).includes(v.name));
    expect(unknown).toEqual([]);
    expect(mapped.authClientId?.value).toBe('${AAD_APP_CLIENT_ID}');
    expect(mapped.teamsAppId?.value).toBe('${TEAMS_APP_ID}');
  });
});

describe('main.bicep outputs', () => {
  const names = [...outputs(main.root).keys()];

  it('give the toolkit what aad.manifest.json, the app manifest and the federated credential need', () => {
    expect(names).toEqual(expect.arrayContaining([...AZURE_OUTPUTS_FOR_TOOLKIT]));
    expect(outputs(main.root).get('TAB_ENDPOINT')?.text).toBe("'https://${resources.outputs.tabHost}/tab'");
  });

  it('give the tab\'s build its API base URL under the name Vite embeds and the tab reads', () => {
    expect(names).toContain('VITE_API_BASE_URL');
    expect(readFileSync(join(TABS_DIR, 'src', 'app', 'App.tsx'), 'utf8')).toContain('import.meta.env.VITE_API_BASE_URL');
  });

  it('name the resource group azd looks for its services in', () => {
    expect(names).toEqual(expect.arrayContaining(['AZURE_RESOURCE_GROUP', 'AZURE_LOCATION', 'AZURE_TENANT_ID']));
  });
});
