// Key Vault with one RSA key that wraps each mission pulse's marker secret (api/src/data/pulse-key-wrapper.ts).
// The key never leaves the vault; only the API's identity may wrap and unwrap with it (Key Vault
// Crypto User). RBAC only, no access policies, no secrets stored.

@description('Azure region for the vault.')
param location string

@description('Name of the vault (3-24 characters).')
param vaultName string

@description('Object (principal) id of the API\'s identity.')
param apiPrincipalId string

@description('Tags applied to every resource.')
param tags object = {}

// Key Vault Crypto User: perform cryptographic operations with keys, nothing else.
var cryptoUserRoleId = '12338af0-0e69-4776-bea7-57ae8d297424'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource pulseKey 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: vault
  name: 'pulse-marker-wrap'
  properties: {
    kty: 'RSA'
    keySize: 3072
    keyOps: [
      'wrapKey'
      'unwrapKey'
    ]
  }
}

resource apiCanUseKey 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, apiPrincipalId, cryptoUserRoleId)
  scope: vault
  properties: {
    principalId: apiPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cryptoUserRoleId)
  }
}

// Versionless key URI: new wraps use the newest version; each wrap records the version it used.
output keyId string = pulseKey.properties.keyUri
