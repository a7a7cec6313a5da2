import { describe, expect, it } from 'vitest';
import { CONTAINERS, DATABASE_ID, type ContainerDefinition } from '../../api/src/data/containers.js';
import {
  bicepFile,
  parameters,
  parseBicep,
  properties,
  propertyAt,
  readBicepFiles,
  resourceOfType,
  resources,
  stringValue,
  syntaxProblems,
  variableValue,
} from './bicep.js';

const files = readBicepFiles();
const main = bicepFile(files, 'infra/main.bicep');
const cosmos = bicepFile(files, 'infra/modules/cosmos.bicep');
const cosmosDataAccess = bicepFile(files, 'infra/modules/cosmos-data-access.bicep');
const functionApp = bicepFile(files, 'infra/modules/function-app.bicep');

describe('Bicep syntax', () => {
  it('finds the main template and its modules', () => {
    expect(files.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'infra/main.bicep',
        'infra/modules/cosmos.bicep',
        'infra/modules/cosmos-data-access.bicep',
        'infra/modules/function-app.bicep',
        'infra/modules/monitoring.bicep',
        'infra/modules/static-web-app.bicep',
      ]),
    );
  });

  it.each(files.map((f) => [f.path, f] as const))('%s parses without ERROR or MISSING nodes', (_path, file) => {
    expect(syntaxProblems(file.root)).toEqual([]);
  });

  it('reports broken Bicep (so the check above can fail)', () => {
    const broken = parseBicep("resource site 'Microsoft.Web/sites@2024-04-01' = {\n  name: \n");
    expect(syntaxProblems(broken.rootNode).length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [f.path, f] as const))('%s documents every parameter with @description', (_path, file) => {
    const undocumented = parameters(file.root)
      .filter((p) => !p.decorators.includes('description'))
      .map((p) => p.name);
    expect(undocumented).toEqual([]);
  });

  it('uses released (non-preview) API versions', () => {
    const versions = files.flatMap((f) => resources(f.root).map((r) => `${r.type}@${r.apiVersion}`));
    expect(versions.length).toBeGreaterThan(10);
    expect(versions.filter((v) => !/@\d{4}-\d{2}-\d{2}$/.test(v))).toEqual([]);
  });
});

describe('Cosmos DB', () => {
  it('declares the database and exactly the containers, partition keys and TTLs the code uses', () => {
    expect(stringValue(variableValue(cosmos.root, 'databaseName'))).toBe(DATABASE_ID);
    const declared = (variableValue(cosmos.root, 'containers')?.namedChildren ?? [])
      .filter((n) => n.type === 'object')
      .map((object) => {
        const props = properties(object);
        const composite = (props.get('compositeIndexes')?.namedChildren ?? []).filter((n) => n.type === 'array').map((index) =>
          index.namedChildren.filter((n) => n.type === 'object').map((path) => ({ path: stringValue(properties(path).get('path')), order: stringValue(properties(path).get('order')) })),
        );
        const ttl = props.get('defaultTtl')?.text;
        return {
          id: stringValue(props.get('name')),
          partitionKey: stringValue(props.get('partitionKeyPath')),
          compositeIndexes: composite,
          defaultTtl: ttl === undefined ? undefined : Number(ttl),
        };
      });
    const expected = Object.values<ContainerDefinition>(CONTAINERS).map((definition) => ({
      id: definition.id,
      partitionKey: definition.partitionKey,
      compositeIndexes: definition.compositeIndexes ?? [],
      defaultTtl: definition.defaultTtl,
    }));
    expect(declared).toHaveLength(expected.length);
    expect(declared).toEqual(expect.arrayContaining(expected));
  });

  it('creates every container from that list, partitioned by its path', () => {
    const containers = resourceOfType(cosmos.root, 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers');
    expect(propertyAt(containers.body, 'properties', 'resource', 'id')?.text).toBe('container.name');
    const paths = propertyAt(containers.body, 'properties', 'resource', 'partitionKey', 'paths');
    expect(paths?.namedChildren.map((n) => n.text)).toEqual(['container.partitionKeyPath']);
    expect(propertyAt(containers.body, 'properties', 'resource', 'indexingPolicy', 'compositeIndexes')?.text).toBe('container.?compositeIndexes ?? []');
    expect(propertyAt(containers.body, 'properties', 'resource', 'defaultTtl')?.text).toBe('container.?defaultTtl');
  });

  it('expires idempotency records after 24 hours', () => {
    expect(CONTAINERS.idempotency.defaultTtl).toBe(24 * 60 * 60);
  });

  it('is a serverless account with keys disabled', () => {
    const account = resourceOfType(cosmos.root, 'Microsoft.DocumentDB/databaseAccounts');
    expect(propertyAt(account.body, 'properties', 'disableLocalAuth')?.text).toBe('true');
    expect(propertyAt(account.body, 'properties', 'disableKeyBasedMetadataWriteAccess')?.text).toBe('true');
    const capabilities = propertyAt(account.body, 'properties', 'capabilities')?.namedChildren ?? [];
    expect(capabilities.map((c) => stringValue(propertyAt(c, 'name')))).toContain('EnableServerless');
  });

  it('grants the function identity the built-in Data Contributor role on the data plane', () => {
    expect(stringValue(variableValue(cosmosDataAccess.root, 'dataContributorRoleId'))).toBe('00000000-0000-0000-0000-000000000002');
    const assignment = resourceOfType(cosmosDataAccess.root, 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments');
    expect(propertyAt(assignment.body, 'properties', 'roleDefinitionId')?.text).toContain('sqlRoleDefinitions/${dataContributorRoleId}');
    expect(propertyAt(assignment.body, 'properties', 'principalId')?.text).toBe('principalId');

    const apiAccess = main.root.namedChildren.find(
      (n) => n.type === 'module_declaration' && stringValue(n.namedChildren[1]) === 'modules/cosmos-data-access.bicep' && n.namedChildren[2]?.type === 'object',
    );
    expect(propertyAt(apiAccess?.namedChildren[2], 'params', 'principalId')?.text).toBe('api.outputs.principalId');
  });
});

describe('Function app', () => {
  const site = resourceOfType(functionApp.root, 'Microsoft.Web/sites');
  const plan = resourceOfType(functionApp.root, 'Microsoft.Web/serverfarms');

  it('runs Node on a Flex Consumption (FC1) Linux plan', () => {
    expect(stringValue(propertyAt(plan.body, 'sku', 'name'))).toBe('FC1');
    expect(stringValue(propertyAt(plan.body, 'sku', 'tier'))).toBe('FlexConsumption');
    expect(stringValue(propertyAt(site.body, 'kind'))).toBe('functionapp,linux');
    expect(stringValue(propertyAt(site.body, 'properties', 'functionAppConfig', 'runtime', 'name'))).toBe('node');
  });

  it('has a system-assigned identity, used for its deployment storage', () => {
    expect(stringValue(propertyAt(site.body, 'identity', 'type'))).toBe('SystemAssigned');
    const auth = propertyAt(site.body, 'properties', 'functionAppConfig', 'deployment', 'storage', 'authentication', 'type');
    expect(stringValue(auth)).toBe('SystemAssignedIdentity');
  });

  it('sets exactly the app settings the API needs, with no secrets and no dev mode', () => {
    const settings = propertyAt(site.body, 'properties', 'siteConfig', 'appSettings')?.namedChildren ?? [];
    const names = settings.map((s) => stringValue(propertyAt(s, 'name')));
    expect(names.sort()).toEqual(
      [
        'APPLICATIONINSIGHTS_AUTHENTICATION_STRING',
        'APPLICATIONINSIGHTS_CONNECTION_STRING',
        'AUTH_APP_ID_URI',
        'AUTH_CLIENT_ID',
        'AzureWebJobsStorage__accountName',
        'COSMOS_ENDPOINT',
        'GRAPH_CLIENT_ID',
        'TEAMS_APP_ID',
      ].sort(),
    );
    expect(names.filter((n) => /KEY|SECRET|PASSWORD|TOKEN/i.test(n ?? ''))).toEqual([]);
  });

  it('allows the tab origin (the Static Web App host) through CORS', () => {
    expect(propertyAt(site.body, 'properties', 'siteConfig', 'cors', 'allowedOrigins')?.text).toBe('corsAllowedOrigins');
    const apiModule = main.root.namedChildren.find((n) => n.type === 'module_declaration' && n.namedChildren[0]?.text === 'api');
    const origins = propertyAt(apiModule?.namedChildren[2], 'params', 'corsAllowedOrigins');
    expect(origins?.text).toContain("'https://${staticWebApp.outputs.defaultHostname}'");
  });
});

describe('No secrets anywhere in infra', () => {
  it.each(files.map((f) => [f.path, f] as const))('%s never reads keys or enables dev mode', (_path, file) => {
    for (const forbidden of ['LOS_DEV_AUTH', 'COSMOS_KEY', 'listKeys', 'listSecrets', 'listConnectionStrings', 'primaryMasterKey', 'AccountKey=']) {
      expect(file.source, forbidden).not.toContain(forbidden);
    }
  });

  it('hosts the tab on Static Web Apps and reports to workspace-based Application Insights', () => {
    const all = files.flatMap((f) => resources(f.root).map((r) => r.type));
    expect(all).toEqual(expect.arrayContaining(['Microsoft.Web/staticSites', 'Microsoft.Insights/components', 'Microsoft.OperationalInsights/workspaces']));
    const insights = resourceOfType(bicepFile(files, 'infra/modules/monitoring.bicep').root, 'Microsoft.Insights/components');
    expect(propertyAt(insights.body, 'properties', 'WorkspaceResourceId')?.text).toBe('logAnalytics.id');
  });
});
