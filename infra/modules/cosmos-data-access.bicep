// Grants a principal the built-in "Cosmos DB Built-in Data Contributor" data-plane role on the
// account. This (not an account key) is how the function app reads and writes data.

@description('Name of the existing Cosmos DB account.')
param accountName string

@description('Object (principal) id to grant data access, e.g. the function app\'s system-assigned identity.')
param principalId string

// Cosmos DB Built-in Data Contributor: read and write items, no account management.
var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' existing = {
  name: accountName
}

resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: account
  name: guid(account.id, principalId, dataContributorRoleId)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleId}'
    principalId: principalId
    scope: account.id
  }
}
