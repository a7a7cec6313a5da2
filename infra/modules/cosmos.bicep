// Cosmos DB for NoSQL, serverless, Entra ID only (no account keys), with the database and the
// containers the API uses, through the Azure Verified Module. The container list, partition keys
// and indexing mirror api/src/data/containers.ts; test/infra checks that they do.

@description('Azure region for the Cosmos DB account.')
param location string

@description('Name of the Cosmos DB account (lowercase letters, digits and hyphens, 3-44 characters).')
param accountName string

@description('Object (principal) ids given the built-in Cosmos DB Built-in Data Contributor role: the API\'s identity, and optionally an operator.')
param dataContributorPrincipalIds array

@description('Tags applied to every resource.')
param tags object = {}

var databaseName = 'lineofsight'
// Cosmos DB Built-in Data Contributor: read and write items, no account management.
var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'

// Every container is partitioned by tenant, so every read, query and write names its tenant.
// compositeIndexes: one per ORDER BY over two or more fields that the code runs.
// excludedPaths: large text that no query filters or sorts on (as Cosmos DB takes them: { path }).
var containers = [
  {
    name: 'tenants'
    partitionKeyPath: '/tenantId'
  }
  {
    name: 'directory'
    partitionKeyPath: '/tenantId'
    // Searchable people pages: ORDER BY c.displayName, c.id
    compositeIndexes: [
      [
        {
          path: '/displayName'
          order: 'ascending'
        }
        {
          path: '/id'
          order: 'ascending'
        }
      ]
    ]
    excludedPaths: [
      {
        path: '/before/*'
      }
      {
        path: '/after/*'
      }
    ]
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
    excludedPaths: [
      {
        path: '/before/*'
      }
      {
        path: '/after/*'
      }
    ]
  }
  {
    name: 'tasks'
    partitionKeyPath: '/tenantId'
    // Searchable team task pages: ORDER BY c.createdAt, c.id
    compositeIndexes: [
      [
        {
          path: '/createdAt'
          order: 'ascending'
        }
        {
          path: '/id'
          order: 'ascending'
        }
      ]
    ]
    excludedPaths: [
      {
        path: '/before/*'
      }
      {
        path: '/after/*'
      }
      // The alignment figures' counts: read by id, never queried.
      {
        path: '/counts/*'
      }
    ]
  }
  {
    name: 'onboarding'
    partitionKeyPath: '/tenantId'
    // Searchable cohort pages: ORDER BY c.createdAt, c.id
    compositeIndexes: [
      [
        {
          path: '/createdAt'
          order: 'ascending'
        }
        {
          path: '/id'
          order: 'ascending'
        }
      ]
    ]
    excludedPaths: [
      {
        path: '/content/*'
      }
    ]
  }
  {
    // Alignment rounds and answers, mission moments, daily moment counts, and their audit entries.
    name: 'alignment'
    partitionKeyPath: '/tenantId'
    // Round lists and the moments feed: ORDER BY c.createdAt DESC, c.id DESC
    compositeIndexes: [
      [
        {
          path: '/createdAt'
          order: 'descending'
        }
        {
          path: '/id'
          order: 'descending'
        }
      ]
    ]
    excludedPaths: [
      {
        path: '/before/*'
      }
      {
        path: '/after/*'
      }
    ]
  }
  {
    // Idempotency-Key records: the first answer to a POST, replayed to its retries for 24 hours.
    name: 'idempotency'
    partitionKeyPath: '/tenantId'
    excludedPaths: [
      {
        path: '/response/*'
      }
    ]
    defaultTtl: 86400
  }
  {
    // Mission pulses: pulses, wrapped marker secrets, markers, anonymous responses, pulse settings.
    name: 'pulses'
    partitionKeyPath: '/tenantId'
    excludedPaths: [
      {
        path: '/summary/*'
      }
      {
        path: '/comment/?'
      }
    ]
  }
  {
    // Tenant deletions, outside every tenant's data: tenant id, an opaque hash of who asked, when, when done.
    name: 'deletionLog'
    partitionKeyPath: '/tenantId'
  }
]

module account 'br/public:avm/res/document-db/database-account:0.20.1' = {
  name: 'cosmos-account'
  params: {
    name: accountName
    location: location
    tags: tags
    capabilitiesToAdd: [
      'EnableServerless'
    ]
    zoneRedundant: false
    defaultConsistencyLevel: 'Session'
    // Data-plane access only through Entra ID role assignments; keys cannot be used.
    disableLocalAuthentication: true
    disableKeyBasedMetadataWriteAccess: true
    minimumTlsVersion: 'Tls12'
    networkRestrictions: {
      publicNetworkAccess: 'Enabled'
      ipRules: []
      virtualNetworkRules: []
    }
    sqlDatabases: [
      {
        name: databaseName
        // Serverless accounts take no throughput settings: the module leaves them out.
        containers: [
          for container in containers: {
            name: container.name
            paths: [
              container.partitionKeyPath
            ]
            kind: 'Hash'
            version: 2
            indexingPolicy: {
              indexingMode: 'consistent'
              automatic: true
              includedPaths: [
                {
                  path: '/*'
                }
              ]
              excludedPaths: container.?excludedPaths ?? []
              compositeIndexes: container.?compositeIndexes ?? []
            }
            // Seconds after its last write a document is deleted; null (no defaultTtl) leaves TTL off.
            defaultTtl: container.?defaultTtl
          }
        ]
      }
    ]
    sqlRoleAssignments: [
      for principalId in dataContributorPrincipalIds: {
        principalId: principalId
        roleDefinitionId: dataContributorRoleId
      }
    ]
  }
}

output accountName string = account.outputs.name
output endpoint string = account.outputs.endpoint
output databaseName string = databaseName
