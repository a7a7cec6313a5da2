// Line of Sight in Azure: the API on Azure Functions (Flex Consumption), Cosmos DB (serverless,
// Entra ID only), the tab on Static Web Apps, and Application Insights.
// Deploy into an existing resource group:
//   az deployment group create -g <group> -f infra/main.bicep -p authClientId=<client id>

targetScope = 'resourceGroup'

@description('Short lowercase prefix for resource names (letters and digits).')
@minLength(2)
@maxLength(10)
param namePrefix string = 'los'

@description('Azure region for the API, Cosmos DB and monitoring. Must offer the Flex Consumption plan.')
param location string = resourceGroup().location

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

@description('Application (client) id of the Entra ID app registration used for Teams SSO.')
@minLength(36)
@maxLength(36)
param authClientId string

@description('Teams app id: the manifest "id" (TEAMS_APP_ID when packaging); used in notification deep links.')
param teamsAppId string

@description('Host name the tab is served from, if it has a custom domain; empty uses the Static Web App\'s default host name. Must match the App ID URI and the Teams manifest\'s TAB_DOMAIN.')
param tabDomain string = ''

@description('Node.js version of the Functions runtime.')
@allowed([
  '20'
  '22'
])
param nodeVersion string = '22'

@description('Object id of a person or group that operates the data (e.g. onboards tenants); empty grants nobody but the API.')
param cosmosOperatorPrincipalId string = ''

@description('Tags applied to every resource.')
param tags object = {}

var resourceToken = uniqueString(subscription().id, resourceGroup().id, namePrefix)

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    logAnalyticsName: '${namePrefix}-logs-${resourceToken}'
    appInsightsName: '${namePrefix}-appi-${resourceToken}'
    tags: tags
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    location: location
    accountName: '${namePrefix}-cosmos-${resourceToken}'
    tags: tags
  }
}

module staticWebApp 'modules/static-web-app.bicep' = {
  name: 'static-web-app'
  params: {
    location: staticWebAppLocation
    name: '${namePrefix}-tab-${resourceToken}'
    sku: staticWebAppSku
    tags: tags
  }
}

var tabHost = empty(tabDomain) ? staticWebApp.outputs.defaultHostname : tabDomain

module api 'modules/function-app.bicep' = {
  name: 'api'
  params: {
    location: location
    name: '${namePrefix}-api-${resourceToken}'
    planName: '${namePrefix}-plan-${resourceToken}'
    storageAccountName: take(toLower('st${namePrefix}${resourceToken}'), 24)
    appInsightsName: monitoring.outputs.appInsightsName
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
    authAppIdUri: 'api://${tabHost}/${authClientId}'
    tags: tags
  }
}

module apiDataAccess 'modules/cosmos-data-access.bicep' = {
  name: 'api-data-access'
  params: {
    accountName: cosmos.outputs.accountName
    principalId: api.outputs.principalId
  }
}

module operatorDataAccess 'modules/cosmos-data-access.bicep' = if (!empty(cosmosOperatorPrincipalId)) {
  name: 'operator-data-access'
  params: {
    accountName: cosmos.outputs.accountName
    principalId: cosmosOperatorPrincipalId
  }
}

@description('Function app to deploy the API to (func azure functionapp publish <name>).')
output functionAppName string = api.outputs.name

@description('API base URL: build the tab with VITE_API_BASE_URL set to this.')
output apiBaseUrl string = 'https://${api.outputs.defaultHostname}'

@description('Static Web App to upload the tab to.')
output staticWebAppName string = staticWebApp.outputs.name

@description('TAB_DOMAIN for npm run package.')
output tabDomain string = tabHost

@description('TAB_ENDPOINT for npm run package (the tab is served under /tab/).')
output tabEndpoint string = 'https://${tabHost}/tab'

@description('App ID URI to set on the app registration.')
output authAppIdUri string = 'api://${tabHost}/${authClientId}'

@description('Cosmos DB endpoint (data access is by Entra ID only).')
output cosmosEndpoint string = cosmos.outputs.endpoint
