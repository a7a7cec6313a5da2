// Cosmos DB for NoSQL, serverless, Entra ID only (no account keys), with the database and
// containers the API uses. The container list must match api/src/data/containers.ts;
// test/infra checks that it does.

@description('Azure region for the Cosmos DB account.')
param location string

@description('Name of the Cosmos DB account (lowercase letters, digits and hyphens, 3-44 characters).')
param accountName string

@description('Tags applied to every resource.')
param tags object = {}

var databaseName = 'lineofsight'

// Every container is partitioned by tenant, so every read, query and write names its tenant.
// compositeIndexes: one per ORDER BY over two or more fields that the code runs (containers.ts).
var containers = [
  {
    name: 'tenants'
    partitionKeyPath: '/tenantId'
  }
  {
    name: 'directory'
    partitionKeyPath: '/tenantId'
  }
  {
    name: 'strategy'
    partitionKeyPath: '/tenantId'
    // History pages: ORDER BY c.at DESC, c.id DESC
    compositeIndexes: [
      [
        {
          path: '/at'
          order: 'descending'
        }
        {
          path: '/id'
          order: 'descending'
        }
      ]
    ]
  }
  {
    name: 'tasks'
    partitionKeyPath: '/tenantId'
  }
  {
    name: 'onboarding'
    partitionKeyPath: '/tenantId'
  }
  {
    // Idempotency-Key records: the first answer to a POST, replayed to its retries for 24 hours.
    name: 'idempotency'
    partitionKeyPath: '/tenantId'
    defaultTtl: 86400
  }
]

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    capabilities: [
      {
        name: 'EnableServerless'
      }
    ]
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    // Data-plane access only through Entra ID role assignments; keys cannot be used.
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
  }
}

// Serverless accounts take no throughput settings, so no options here.
resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for container in containers: {
    parent: database
    name: container.name
    properties: {
      resource: {
        id: container.name
        partitionKey: {
          paths: [
            container.partitionKeyPath
          ]
          kind: 'Hash'
          version: 2
        }
        indexingPolicy: {
          indexingMode: 'consistent'
          automatic: true
          includedPaths: [
            {
              path: '/*'
            }
          ]
          compositeIndexes: container.?compositeIndexes ?? []
        }
        // Seconds after its last write a document is deleted; null (no defaultTtl) leaves TTL off.
        defaultTtl: container.?defaultTtl
      }
    }
  }
]

output accountName string = account.name
output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name
