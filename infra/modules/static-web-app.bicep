// Azure Static Web Apps hosts the built tab (tabs/dist, served under /tab/).

@description('Azure region for the static web app (Static Web Apps runs in a few regions only).')
param location string

@description('Name of the static web app.')
param name string

@description('Static Web Apps plan: Free, or Standard for custom authentication, SLA and more.')
@allowed([
  'Free'
  'Standard'
])
param sku string = 'Free'

@description('Tags applied to every resource.')
param tags object = {}

resource staticWebApp 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: sku
    tier: sku
  }
  properties: {
    // Content is uploaded by the deploy step (SWA CLI), not built from a linked repository.
    provider: 'Custom'
  }
}

output name string = staticWebApp.name
output defaultHostname string = staticWebApp.properties.defaultHostname
