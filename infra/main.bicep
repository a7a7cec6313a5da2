// Line of Sight in Azure, provisioned by `azd up` (azure.yaml) or by hand:
//   az deployment sub create -l <region> -f infra/main.bicep -p environmentName=<name> location=<region> \
//     authClientId=<client id> teamsAppId=<Teams app id>
// Creates the resource group rg-<environment name> and everything in it (resources.bicep).
// The outputs are UPPER_SNAKE so azd stores them in .azure/<env>/.env, where the hooks, the tab's
// build (VITE_API_BASE_URL) and the Microsoft 365 Agents Toolkit (m365agents.yml) read them.

targetScope = 'subscription'

@description('Name of the azd environment (e.g. dev, prod); names the resource group and seeds unique resource names.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Azure region for the API, Cosmos DB and monitoring. Must offer the Flex Consumption plan (e.g. swedencentral, northeurope, eastus).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Resource group to create; empty uses rg-<environment name>.')
param resourceGroupName string = ''

@description('Short lowercase prefix for resource names (letters and digits).')
@minLength(2)
@maxLength(10)
param namePrefix string = 'los'

@description('Azure region for the Static Web App, which runs in a few regions only.')
@allowed([
  'centralus'
  'eastus2'
  'eastasia'
  'westeurope'
  'westus2'
])
param staticWebAppLocation string = 'westeurope'

@description('Static Web Apps plan for the tab.')
@allowed([
  'Free'
  'Standard'
])
param staticWebAppSku string = 'Free'

@description('Application (client) id of the Entra ID app registration (AAD_APP_CLIENT_ID, created by the toolkit\'s aadApp/create).')
@minLength(36)
@maxLength(36)
param authClientId string

@description('Teams app id: the manifest "id" (TEAMS_APP_ID, created by the toolkit\'s teamsApp/create); used in notification deep links.')
param teamsAppId string

@description('Host name the tab is served from, if it has a custom domain; empty uses the Static Web App\'s default host name. Must match the App ID URI and the Teams manifest\'s TAB_DOMAIN.')
param tabDomain string = ''

@description('Node.js version of the Functions runtime.')
@allowed([
  '20'
  '22'
])
param nodeVersion string = '22'

@description('Which organisations may sign up from the tab (TENANT_SIGNUP): open, allow-list (allowedTenantIds only) or closed.')
@allowed([
  'open'
  'allow-list'
  'closed'
])
param tenantSignup string = 'allow-list'

@description('Tenant ids that may sign up under allow-list, comma-separated (ALLOWED_TENANT_IDS).')
param allowedTenantIds string = ''

@description('Object id of a person or group that operates the data (e.g. onboards tenants by hand); azd passes the signed-in user. Empty grants nobody but the API.')
param principalId string = ''

var tags = {
  'azd-env-name': environmentName
}

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module resources 'resources.bicep' = {
  name: 'line-of-sight'
  scope: rg
  params: {
    location: location
    namePrefix: namePrefix
    resourceToken: toLower(uniqueString(subscription().id, environmentName, location))
    staticWebAppLocation: staticWebAppLocation
    staticWebAppSku: staticWebAppSku
    authClientId: authClientId
    teamsAppId: teamsAppId
    tabDomain: tabDomain
    nodeVersion: nodeVersion
    tenantSignup: tenantSignup
    allowedTenantIds: allowedTenantIds
    operatorPrincipalId: principalId
    tags: tags
  }
}

@description('Where azd finds the services (tagged azd-service-name api and tab).')
output AZURE_RESOURCE_GROUP string = rg.name

@description('Region of the API, Cosmos DB and monitoring.')
output AZURE_LOCATION string = location

@description('Tenant of the deployment: the issuer of the managed identity the app registration trusts.')
output AZURE_TENANT_ID string = tenant().tenantId

@description('Function app the api service deploys to.')
output SERVICE_API_NAME string = resources.outputs.functionAppName

@description('Static Web App the tab service deploys to.')
output SERVICE_TAB_NAME string = resources.outputs.staticWebAppName

@description('API base URL.')
output API_BASE_URL string = resources.outputs.apiBaseUrl

@description('The same URL for the tab\'s build: Vite embeds VITE_* variables (tabs/src/app/App.tsx).')
output VITE_API_BASE_URL string = resources.outputs.apiBaseUrl

@description('TAB_DOMAIN of the Teams manifest and the App ID URI.')
output TAB_DOMAIN string = resources.outputs.tabHost

@description('TAB_ENDPOINT of the Teams manifest (the tab is served under /tab/).')
output TAB_ENDPOINT string = 'https://${resources.outputs.tabHost}/tab'

@description('App ID URI of the app registration (aad.manifest.json identifierUris).')
output AUTH_APP_ID_URI string = resources.outputs.authAppIdUri

@description('Object (principal) id of the API\'s user-assigned identity: the subject of the app registration\'s federated credential.')
output API_IDENTITY_PRINCIPAL_ID string = resources.outputs.identityPrincipalId

@description('Client id of the API\'s user-assigned identity.')
output API_IDENTITY_CLIENT_ID string = resources.outputs.identityClientId

@description('Cosmos DB endpoint (data access by Entra ID only).')
output COSMOS_ENDPOINT string = resources.outputs.cosmosEndpoint
