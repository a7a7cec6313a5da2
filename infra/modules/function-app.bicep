// The API: a Linux function app on the Flex Consumption plan (FC1), running as the user-assigned
// identity it is given. The identity reaches the host storage, Application Insights and Cosmos DB
// (roles granted in resources.bicep) and is the credential of the app registration for Microsoft
// Graph (a federated identity credential): no keys or secrets are stored in app settings.
// Every app setting below is listed in api/src/app-settings.ts; test/infra keeps the two equal.

@description('Azure region for the function app and its plan (must offer Flex Consumption).')
param location string

@description('Name of the function app; also the first label of its default host name.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the existing storage account for the Functions host and deployment packages.')
param storageAccountName string

@description('Blob container the deployment packages go to (exists in the storage account).')
param deploymentContainerName string

@description('Name of the existing Application Insights component to report to.')
param appInsightsName string

@description('Resource id of the user-assigned identity the app runs as.')
param identityResourceId string

@description('Client id of that identity: how the host, the Azure SDK and the Graph assertion pick it.')
param identityClientId string

@description('Node.js version of the Functions runtime.')
@allowed([
  '20'
  '22'
])
param nodeVersion string = '22'

@description('Memory per instance, in MB.')
@allowed([
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Upper limit of instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Origins allowed to call the API from a browser (the tab\'s origin).')
param corsAllowedOrigins array

@description('Cosmos DB account endpoint (https://<account>.documents.azure.com:443/); the API signs in with its identity.')
param cosmosEndpoint string

@description('Application (client) id of the Entra ID app registration the tab\'s SSO tokens are issued for.')
param authClientId string

@description('App ID URI of that registration: api://<tab domain>/<client id>.')
param authAppIdUri string

@description('Teams app id (manifest "id"): Graph activity notifications name it and deep links open it.')
param teamsAppId string

@description('Which organisations may sign up (TENANT_SIGNUP): open, allow-list or closed.')
@allowed([
  'open'
  'allow-list'
  'closed'
])
param tenantSignup string = 'allow-list'

@description('Tenant ids that may sign up under allow-list, comma-separated (ALLOWED_TENANT_IDS).')
param allowedTenantIds string = ''

@description('Where admin consent sends the admin back: the tab\'s consent-complete page (a reply URL of the app registration).')
param signupConsentRedirectUri string

@description('Key Vault key (versionless URI) that wraps each mission pulse\'s marker secret.')
param pulseKeyId string

@description('Tags applied to every resource.')
param tags object = {}

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  // azure.yaml's api service deploys here.
  tags: union(tags, {
    'azd-service-name': 'api'
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      cors: {
        allowedOrigins: corsAllowedOrigins
        supportCredentials: false
      }
      // Names, ids and endpoints only: no keys, and never the local dev-mode switch.
      appSettings: [
        {
          name: 'AzureWebJobsStorage__accountName'
          value: storage.name
        }
        {
          // The host reaches its storage with the user-assigned identity, not a connection string.
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identityClientId
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          // Telemetry is sent with the identity: the component has local auth disabled.
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'ClientId=${identityClientId};Authorization=AAD'
        }
        {
          // DefaultAzureCredential (Cosmos DB) picks the user-assigned identity by this client id.
          name: 'AZURE_CLIENT_ID'
          value: identityClientId
        }
        {
          // The Graph client assertion is a token of this identity (federated credential on the app registration).
          name: 'MANAGED_IDENTITY_CLIENT_ID'
          value: identityClientId
        }
        {
          name: 'COSMOS_ENDPOINT'
          value: cosmosEndpoint
        }
        {
          name: 'AUTH_CLIENT_ID'
          value: authClientId
        }
        {
          name: 'AUTH_APP_ID_URI'
          value: authAppIdUri
        }
        {
          // The same multi-tenant registration calls Microsoft Graph with application permissions
          // (aad.manifest.json); its credential is the identity above (federated), no secret.
          name: 'GRAPH_CLIENT_ID'
          value: authClientId
        }
        {
          name: 'TEAMS_APP_ID'
          value: teamsAppId
        }
        {
          // Who may sign up from the tab; refusals are audited in the tenant's partition.
          name: 'TENANT_SIGNUP'
          value: tenantSignup
        }
        {
          name: 'ALLOWED_TENANT_IDS'
          value: allowedTenantIds
        }
        {
          name: 'SIGNUP_CONSENT_REDIRECT_URI'
          value: signupConsentRedirectUri
        }
        {
          // Not a secret: a key id. Only this app's identity may wrap and unwrap with the key.
          name: 'PULSE_MARKER_WRAP_URI'
          value: pulseKeyId
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityResourceId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'node'
        version: nodeVersion
      }
    }
  }
}

output name string = functionApp.name
output defaultHostname string = functionApp.properties.defaultHostName
