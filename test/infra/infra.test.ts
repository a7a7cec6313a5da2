import { describe, expect, it } from 'vitest';
import { CONTAINERS, DATABASE_ID, type ContainerDefinition } from '../../api/src/data/containers.js';
import {
  bicepFile,
  elements,
  moduleDeclarations,
  moduleNamed,
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
const app = bicepFile(files, 'infra/resources.bicep');
const cosmos = bicepFile(files, 'infra/modules/cosmos.bicep');
const functionApp = bicepFile(files, 'infra/modules/function-app.bicep');

const avm = (path: string) => {
  const found = moduleDeclarations(app.root).concat(moduleDeclarations(cosmos.root)).find((m) => m.source.startsWith(`br/public:avm/res/${path}:`));
  if (!found) throw new Error(`no AVM module ${path}`);
  return found;
};

describe('Bicep syntax', () => {
  it('finds the main template, the resource group template and its modules', () => {
    expect(files.map((f) => f.path).sort()).toEqual(
      ['infra/main.bicep', 'infra/resources.bicep', 'infra/modules/cosmos.bicep', 'infra/modules/function-app.bicep', 'infra/modules/pulse-keys.bicep'].sort(),
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
    expect(versions.length).toBeGreaterThanOrEqual(5);
    expect(versions.filter((v) => !/@\d{4}-\d{2}-\d{2}$/.test(v))).toEqual([]);
  });
});

describe('Azure Verified Modules', () => {
  it('pins every registry module to an exact published version', () => {
    const references = files.flatMap((f) => moduleDeclarations(f.root).map((m) => m.source)).filter((s) => s.startsWith('br'));
    expect(references.length).toBeGreaterThanOrEqual(6);
    expect(references.filter((s) => !/^br\/public:avm\/res\/[a-z-]+\/[a-z-]+:\d+\.\d+\.\d+$/.test(s))).toEqual([]);
  });

  it('provide the identity, monitoring, storage, Cosmos DB and the Static Web App', () => {
    for (const path of ['managed-identity/user-assigned-identity', 'operational-insights/workspace', 'insights/component', 'storage/storage-account', 'document-db/database-account', 'web/static-site']) {
      expect(() => avm(path), path).not.toThrow();
    }
  });
});

describe('Cosmos DB', () => {
  it('declares the database and exactly the containers, partition keys, indexes and TTLs the code uses', () => {
    expect(stringValue(variableValue(cosmos.root, 'databaseName'))).toBe(DATABASE_ID);
    const declared = elements(variableValue(cosmos.root, 'containers'))
      .filter((n) => n.type === 'object')
      .map((object) => {
        const props = properties(object);
        const composite = elements(props.get('compositeIndexes'))
          .filter((n) => n.type === 'array')
          .map((index) =>
            elements(index)
              .filter((n) => n.type === 'object')
              .map((path) => ({ path: stringValue(properties(path).get('path')), order: stringValue(properties(path).get('order')) })),
          );
        const ttl = props.get('defaultTtl')?.text;
        return {
          id: stringValue(props.get('name')),
          partitionKey: stringValue(props.get('partitionKeyPath')),
          compositeIndexes: composite,
          excludedPaths: elements(props.get('excludedPaths')).map((n) => stringValue(propertyAt(n, 'path'))),
          defaultTtl: ttl === undefined ? undefined : Number(ttl),
        };
      });
    const expected = Object.values<ContainerDefinition>(CONTAINERS).map((definition) => ({
      id: definition.id,
      partitionKey: definition.partitionKey,
      compositeIndexes: definition.compositeIndexes ?? [],
      excludedPaths: definition.excludedPaths ?? [],
      defaultTtl: definition.defaultTtl,
    }));
    expect(declared).toHaveLength(expected.length);
    expect(declared).toEqual(expect.arrayContaining(expected));
  });

  it('creates every container from that list, partitioned by its path, with its indexing policy', () => {
    const account = avm('document-db/database-account');
    const database = elements(propertyAt(account.body, 'params', 'sqlDatabases'))[0];
    expect(propertyAt(database, 'name')?.text).toBe('databaseName');
    const loop = propertyAt(database, 'containers');
    const container = loop?.descendantsOfType('for_statement')[0]?.childForFieldName('body') ?? undefined;
    expect(loop?.text).toMatch(/^\[\s*for container in containers:/);
    expect(propertyAt(container, 'name')?.text).toBe('container.name');
    expect(elements(propertyAt(container, 'paths')).map((n) => n.text)).toEqual(['container.partitionKeyPath']);
    expect(propertyAt(container, 'indexingPolicy', 'compositeIndexes')?.text).toBe('container.?compositeIndexes ?? []');
    expect(propertyAt(container, 'indexingPolicy', 'excludedPaths')?.text).toBe('container.?excludedPaths ?? []');
    expect(elements(propertyAt(container, 'indexingPolicy', 'includedPaths')).map((n) => stringValue(propertyAt(n, 'path')))).toEqual(['/*']);
    expect(propertyAt(container, 'defaultTtl')?.text).toBe('container.?defaultTtl');
  });

  it('is a serverless account with keys disabled, reachable without a virtual network', () => {
    const params = propertyAt(avm('document-db/database-account').body, 'params');
    expect(elements(propertyAt(params, 'capabilitiesToAdd')).map((n) => stringValue(n))).toContain('EnableServerless');
    expect(propertyAt(params, 'disableLocalAuthentication')?.text).toBe('true');
    expect(propertyAt(params, 'disableKeyBasedMetadataWriteAccess')?.text).toBe('true');
    // The module's default is Disabled, which only a private endpoint could reach.
    expect(stringValue(propertyAt(params, 'networkRestrictions', 'publicNetworkAccess'))).toBe('Enabled');
  });

  it('grants the API\'s identity (and the operator) the built-in Data Contributor role on the data plane', () => {
    expect(stringValue(variableValue(cosmos.root, 'dataContributorRoleId'))).toBe('00000000-0000-0000-0000-000000000002');
    const assignments = propertyAt(avm('document-db/database-account').body, 'params', 'sqlRoleAssignments');
    expect(assignments?.text).toMatch(/for principalId in dataContributorPrincipalIds:/);
    expect(assignments?.text).toMatch(/roleDefinitionId: dataContributorRoleId/);
    const principals = propertyAt(moduleNamed(app.root, 'cosmos').body, 'params', 'dataContributorPrincipalIds');
    expect(principals?.text).toContain('apiIdentity.outputs.principalId');
    expect(principals?.text).toContain('operatorPrincipalId');
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

  it('runs as the user-assigned identity, which also fetches its deployment packages', () => {
    expect(stringValue(propertyAt(site.body, 'identity', 'type'))).toBe('UserAssigned');
    expect(propertyAt(site.body, 'identity', 'userAssignedIdentities')?.text).toContain("'${identityResourceId}'");
    const auth = propertyAt(site.body, 'properties', 'functionAppConfig', 'deployment', 'storage', 'authentication');
    expect(stringValue(propertyAt(auth, 'type'))).toBe('UserAssignedIdentity');
    expect(propertyAt(auth, 'userAssignedIdentityResourceId')?.text).toBe('identityResourceId');
    const api = moduleNamed(app.root, 'api');
    expect(propertyAt(api.body, 'params', 'identityResourceId')?.text).toBe('apiIdentity.outputs.resourceId');
    expect(propertyAt(api.body, 'params', 'identityClientId')?.text).toBe('apiIdentity.outputs.clientId');
  });

  it('tells the host, the Azure SDK and the Graph assertion which identity to use', () => {
    const settings = new Map(
      elements(propertyAt(site.body, 'properties', 'siteConfig', 'appSettings')).map((s) => [stringValue(propertyAt(s, 'name')), propertyAt(s, 'value')?.text]),
    );
    expect(settings.get('AZURE_CLIENT_ID')).toBe('identityClientId');
    expect(settings.get('MANAGED_IDENTITY_CLIENT_ID')).toBe('identityClientId');
    expect(settings.get('AzureWebJobsStorage__clientId')).toBe('identityClientId');
    expect(settings.get('AzureWebJobsStorage__credential')).toBe("'managedidentity'");
    expect(settings.get('APPLICATIONINSIGHTS_AUTHENTICATION_STRING')).toBe("'ClientId=${identityClientId};Authorization=AAD'");
  });

  it('lets the identity into its storage and telemetry, and nothing in with a key', () => {
    const storage = propertyAt(avm('storage/storage-account').body, 'params');
    expect(propertyAt(storage, 'allowSharedKeyAccess')?.text).toBe('false');
    expect(propertyAt(storage, 'allowBlobPublicAccess')?.text).toBe('false');
    // No virtual network: the module's default (Deny) would lock the function app out.
    expect(stringValue(propertyAt(storage, 'networkAcls', 'defaultAction'))).toBe('Allow');
    const storageRoles = elements(propertyAt(storage, 'roleAssignments'));
    expect(storageRoles.map((r) => [propertyAt(r, 'principalId')?.text, propertyAt(r, 'roleDefinitionIdOrName')?.text])).toEqual([
      ['apiIdentity.outputs.principalId', 'storageBlobDataOwnerRoleId'],
    ]);
    expect(stringValue(variableValue(app.root, 'storageBlobDataOwnerRoleId'))).toBe('b7e6dc6d-f1e8-4753-8033-0f276bb0955b');

    const insights = propertyAt(avm('insights/component').body, 'params');
    expect(propertyAt(insights, 'disableLocalAuth')?.text).toBe('true');
    expect(propertyAt(insights, 'workspaceResourceId')?.text).toBe('logAnalytics.outputs.resourceId');
    const insightsRoles = elements(propertyAt(insights, 'roleAssignments'));
    expect(insightsRoles.map((r) => [propertyAt(r, 'principalId')?.text, propertyAt(r, 'roleDefinitionIdOrName')?.text])).toEqual([
      ['apiIdentity.outputs.principalId', 'monitoringMetricsPublisherRoleId'],
    ]);
    expect(stringValue(variableValue(app.root, 'monitoringMetricsPublisherRoleId'))).toBe('3913510d-42f4-4e42-8a64-420c390055eb');
  });

  it('allows the tab origin (the Static Web App host) through CORS', () => {
    expect(propertyAt(site.body, 'properties', 'siteConfig', 'cors', 'allowedOrigins')?.text).toBe('corsAllowedOrigins');
    const origins = propertyAt(moduleNamed(app.root, 'api').body, 'params', 'corsAllowedOrigins');
    expect(origins?.text).toContain("'https://${staticWebApp.outputs.defaultHostname}'");
  });
});

describe('No secrets anywhere in infra', () => {
  it.each(files.map((f) => [f.path, f] as const))('%s never reads keys or enables dev mode', (_path, file) => {
    const forbidden = ['LOS_DEV_AUTH', 'COSMOS_KEY', 'listKeys', 'listSecrets', 'listConnectionStrings', 'primaryMasterKey', 'AccountKey='];
    // Outputs of the AVM modules that carry keys: nothing here may read them.
    const keyOutputs = ['primaryReadWriteKey', 'primaryReadOnlyKey', 'primaryReadWriteConnectionString', 'primaryAccessKey', 'primaryConnectionString', 'primarySharedKey', 'instrumentationKey'];
    for (const word of [...forbidden, ...keyOutputs]) expect(file.source, word).not.toContain(word);
  });

  it('creates no client secret and stores none: main.bicep takes ids only', () => {
    const names = parameters(main.root).map((p) => p.name);
    expect(names.filter((n) => /secret|password|key/i.test(n))).toEqual([]);
  });
});
