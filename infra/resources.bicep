// Everything Line of Sight runs on, in one resource group (main.bicep creates the group):
// - the API on Azure Functions, Flex Consumption (modules/function-app.bicep), running as a
//   user-assigned identity that reaches storage, Application Insights and Cosmos DB with Entra ID;
// - Cosmos DB for NoSQL, serverless, Entra ID only (modules/cosmos.bicep);
// - the tab on Azure Static Web Apps;
// - Application Insights on a Log Analytics workspace.
// Azure Verified Modules (br/public:avm/...) where they fit; the function app itself is plain
// Bicep so its Flex Consumption settings and app settings read (and are tested) line by line.

@description('Azure region for the API, Cosmos DB and monitoring.')
param location string

@description('Short lowercase prefix for resource names.')
param namePrefix string

@description('Unique suffix for globally unique names.')
param resourceToken string

@description('Azure region for the Static Web App.')
param staticWebAppLocation string

@description('Static Web Apps plan for the tab: Free or Standard.')
param staticWebAppSku string

@description('Application (client) id of the Entra ID app registration.')
param authClientId string

@description('Teams app id (manifest "id").')
param teamsAppId string

@description('Custom host name of the tab; empty uses the Static Web App\'s default host name.')
param tabDomain string

@description('Node.js version of the Functions runtime.')
param nodeVersion string

@description('Which organisations may sign up: open, allow-list or closed.')
param tenantSignup string

@description('Tenant ids that may sign up under allow-list, comma-separated.')
param allowedTenantIds string

@description('Object id of a person or group given data access to Cosmos DB (e.g. to onboard tenants); empty grants nobody but the API.')
param operatorPrincipalId string

@description('Tags applied to every resource.')
param tags object

// Built-in Azure roles (ids are the same in every tenant).
var storageBlobDataOwnerRoleId = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var monitoringMetricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'
var deploymentContainerName = 'app-package'

// The API's identity: one user-assigned identity for storage, telemetry, Cosmos DB and, through the
// app registration's federated credential (m365agents.yml), Microsoft Graph. It outlives the
// function app, so re-creating the app keeps every grant.
module apiIdentity 'br/public:avm/res/managed-identity/user-assigned-identity:0.6.0' = {
  name: 'api-identity'
  params: {
    name: '${namePrefix}-api-id-${resourceToken}'
    location: location
    tags: tags
  }
}

module logAnalytics 'br/public:avm/res/operational-insights/workspace:0.16.1' = {
  name: 'log-analytics'
  params: {
    name: '${namePrefix}-logs-${resourceToken}'
    location: location
    tags: tags
    dataRetention: 30
  }
}

// Local (instrumentation-key) auth is off: the host sends telemetry with the API's identity.
module appInsights 'br/public:avm/res/insights/component:0.8.0' = {
  name: 'app-insights'
  params: {
    name: '${namePrefix}-appi-${resourceToken}'
    location: location
    tags: tags
    workspaceResourceId: logAnalytics.outputs.resourceId
    disableLocalAuth: true
    retentionInDays: 30
    roleAssignments: [
      {
        principalId: apiIdentity.outputs.principalId
        principalType: 'ServicePrincipal'
        roleDefinitionIdOrName: monitoringMetricsPublisherRoleId
      }
    ]
  }
}

// Host storage and deployment packages; shared keys are off, so only Entra ID identities get in.
// Without a virtual network the function app reaches it over the public endpoint (Allow).
module storage 'br/public:avm/res/storage/storage-account:0.33.0' = {
  name: 'storage'
  params: {
    name: take(toLower('st${namePrefix}${resourceToken}'), 24)
    location: location
    tags: tags
    skuName: 'Standard_LRS'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
    blobServices: {
      containers: [
        {
          name: deploymentContainerName
        }
      ]
    }
    roleAssignments: [
      {
        principalId: apiIdentity.outputs.principalId
        principalType: 'ServicePrincipal'
        roleDefinitionIdOrName: storageBlobDataOwnerRoleId
      }
    ]
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    location: location
    accountName: '${namePrefix}-cosmos-${resourceToken}'
    dataContributorPrincipalIds: union(
      [
        apiIdentity.outputs.principalId
      ],
      empty(operatorPrincipalId) ? [] : [
        operatorPrincipalId
      ]
    )
    tags: tags
  }
}

module staticWebApp 'br/public:avm/res/web/static-site:0.9.5' = {
  name: 'static-web-app'
  params: {
    name: '${namePrefix}-tab-${resourceToken}'
    location: staticWebAppLocation
    sku: staticWebAppSku
    // azure.yaml's tab service deploys here.
    tags: union(tags, {
      'azd-service-name': 'tab'
    })
  }
}

var tabHost = empty(tabDomain) ? staticWebApp.outputs.defaultHostname : tabDomain
var authAppIdUri = 'api://${tabHost}/${authClientId}'

// The key that wraps mission pulse marker secrets (never in the database in clear, never leaves the vault).
module pulseKeys 'modules/pulse-keys.bicep' = {
  name: 'pulse-keys'
  params: {
    location: location
    vaultName: take('${namePrefix}kv${resourceToken}', 24)
    apiPrincipalId: apiIdentity.outputs.principalId
    tags: tags
  }
}

module api 'modules/function-app.bicep' = {
  name: 'api'
  params: {
    location: location
    name: '${namePrefix}-api-${resourceToken}'
    planName: '${namePrefix}-plan-${resourceToken}'
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    appInsightsName: appInsights.outputs.name
    identityResourceId: apiIdentity.outputs.resourceId
    identityClientId: apiIdentity.outputs.clientId
    nodeVersion: nodeVersion
    // The tab calls the API from its own origin, so the browser needs CORS for it.
    corsAllowedOrigins: union(
      [
        'https://${staticWebApp.outputs.defaultHostname}'
      ],
      empty(tabDomain) ? [] : [
        'https://${tabDomain}'
      ]
    )
    cosmosEndpoint: cosmos.outputs.endpoint
    authClientId: authClientId
    teamsAppId: teamsAppId
    pulseKeyId: pulseKeys.outputs.keyId
    authAppIdUri: authAppIdUri
    tenantSignup: tenantSignup
    allowedTenantIds: allowedTenantIds
    // The tab's consent-complete page (under /tab/ like the tab); a reply URL of the app registration.
    signupConsentRedirectUri: 'https://${tabHost}/tab/consent-complete.html'
    tags: tags
  }
}

output functionAppName string = api.outputs.name
output apiBaseUrl string = 'https://${api.outputs.defaultHostname}'
output staticWebAppName string = staticWebApp.outputs.name
output tabHost string = tabHost
output authAppIdUri string = authAppIdUri
output identityPrincipalId string = apiIdentity.outputs.principalId
output identityClientId string = apiIdentity.outputs.clientId
output cosmosEndpoint string = cosmos.outputs.endpoint
