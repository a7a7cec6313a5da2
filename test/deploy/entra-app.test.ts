/**
 * aad.manifest.json (the Entra app registration the toolkit applies) against the code and the other
 * deployment files: the scope the API requires, the roles it grants, the Microsoft Graph permissions
 * it uses (each call the code makes needs a requested permission, each requested one is used or
 * planned), the App ID URI the API and the Teams manifest expect, the clients allowed without consent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCESS_AS_USER_SCOPE } from '../../api/src/auth/dev-token-issuer.js';
import { roleSchema } from '../../api/src/shared/contracts.js';
import { GRAPH_PERMISSIONS, MICROSOFT_GRAPH_APP_ID, type GraphPermission } from '../../api/src/shared/graph-permissions.js';
import { bicepFile, readBicepFiles, REPO_ROOT, variableValue } from '../infra/bicep.js';
import { graphPermissionsKnownToToolkit } from './support/toolkit.js';

interface AadManifest {
  identifierUris: string[];
  signInAudience: string;
  api: {
    requestedAccessTokenVersion: number;
    oauth2PermissionScopes: Array<{ id: string; value: string; type: string; isEnabled: boolean }>;
    preAuthorizedApplications: Array<{ appId: string; delegatedPermissionIds: string[] }>;
  };
  appRoles: Array<{ id: string; value: string; allowedMemberTypes: string[]; isEnabled: boolean }>;
  requiredResourceAccess: Array<{ resourceAppId: string; resourceAccess: Array<{ id: string; type: 'Role' | 'Scope' }> }>;
  optionalClaims: { accessToken: Array<{ name: string }> };
  passwordCredentials?: unknown;
  keyCredentials?: unknown;
}

const aad = JSON.parse(readFileSync(join(REPO_ROOT, 'aad.manifest.json'), 'utf8')) as AadManifest;
const teamsManifest = JSON.parse(readFileSync(join(REPO_ROOT, 'appPackage', 'manifest.json'), 'utf8')) as { webApplicationInfo: { id: string; resource: string } };
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const permissions = Object.entries(GRAPH_PERMISSIONS) as Array<[string, GraphPermission]>;

/** Client ids of the Microsoft 365 hosts the README asks to pre-authorise (its table of clients). */
function clientIdsInReadme(): string[] {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/^\s*\|[^|\n]+\|\s*`([0-9a-f-]{36})`\s*\|\s*$/gm)].map((m) => m[1] ?? '');
}

/**
 * Microsoft Graph requests written in the API's code: string and template literals that begin with a
 * Graph resource path (after an optional `${base}/v1.0`), as "/path" with `{id}` for interpolations.
 */
function graphRequestsInCode(): Map<string, string> {
  const apiSrc = join(REPO_ROOT, 'api', 'src');
  const roots = 'teamwork|users|groups|appCatalogs|teams|chats|me|planner|directoryObjects|servicePrincipals|applications|organization|subscriptions';
  const path = new RegExp(`^(?:https://graph\\.microsoft\\.com)?(?:/v1\\.0|/beta)?(/(?:${roots})(?:/[^'"\`?\\s]*)?)(?:\\?.*)?$`);
  const found = new Map<string, string>();
  const files = readdirSync(apiSrc, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.ts') && !p.startsWith('local') && !p.endsWith('graph-permissions.ts'));
  for (const file of files) {
    const source = readFileSync(join(apiSrc, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
    for (const literal of source.matchAll(/'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)) {
      // `${base}/v1.0/groups/${id}/...`: drop the base URL, then every other interpolation is an id.
      const text = (literal[1] ?? literal[2] ?? '').replace(/^\$\{[^}]+\}/, '').replace(/\$\{[^}]+\}/g, '{id}');
      const match = path.exec(text);
      if (match?.[1]) found.set(match[1], file);
    }
  }
  return found;
}

const pathOf = (request: string) => request.replace(/^[A-Z]+ /, '');
/** A path found in code matches a listed one segment by segment; an interpolation (`{id}`) matches any segment. */
const matches = (inCode: string, listed: string) => {
  const [a, b] = [inCode.split('/'), listed.split('/')];
  return a.length === b.length && a.every((segment, i) => segment === '{id}' || segment === b[i]);
};

describe('aad.manifest.json', () => {
  it('issues v2 tokens to any organisation, for the App ID URI the API and the Teams manifest use', () => {
    expect(aad.api.requestedAccessTokenVersion).toBe(2);
    expect(aad.signInAudience).toBe('AzureADMultipleOrgs');
    expect(aad.identifierUris).toEqual(['api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    expect(teamsManifest.webApplicationInfo).toEqual({ id: '${{AAD_APP_CLIENT_ID}}', resource: aad.identifierUris[0] });
    // Bicep gives the API (AUTH_APP_ID_URI) the same URI for the v1 token audience.
    const resources = bicepFile(readBicepFiles(), 'infra/resources.bicep');
    expect(variableValue(resources.root, 'authAppIdUri')?.text).toBe("'api://${tabHost}/${authClientId}'");
  });

  it('exposes exactly the scope the API requires, for admins and users to consent to', () => {
    expect(aad.api.oauth2PermissionScopes).toHaveLength(1);
    expect(aad.api.oauth2PermissionScopes[0]).toMatchObject({ value: ACCESS_AS_USER_SCOPE, type: 'User', isEnabled: true, id: '${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}' });
  });

  it('pre-authorises exactly the Teams and Microsoft 365 clients the README lists, for that scope', () => {
    const readmeClients = clientIdsInReadme();
    expect(readmeClients).toHaveLength(7);
    expect(aad.api.preAuthorizedApplications.map((a) => a.appId).sort()).toEqual([...readmeClients].sort());
    for (const client of aad.api.preAuthorizedApplications) expect(client.delegatedPermissionIds).toEqual([aad.api.oauth2PermissionScopes[0]?.id]);
  });

  it('defines the app roles the API grants (everyone else is an Employee), each with its own id', () => {
    expect(aad.appRoles.map((r) => r.value).sort()).toEqual(roleSchema.options.filter((r) => r !== 'Employee').sort());
    for (const role of aad.appRoles) {
      expect(role.id, role.value).toMatch(GUID);
      expect(role.allowedMemberTypes, role.value).toContain('User');
      expect(role.isEnabled, role.value).toBe(true);
    }
    expect(new Set(aad.appRoles.map((r) => r.id)).size).toBe(aad.appRoles.length);
  });

  it('carries no credential: the API\'s managed identity is the only one (federated, added by the deploy stage)', () => {
    expect(aad).not.toHaveProperty('passwordCredentials');
    expect(aad).not.toHaveProperty('keyCredentials');
    expect(aad.optionalClaims.accessToken.map((c) => c.name)).toContain('idtyp');
  });
});

describe('Microsoft Graph permissions', () => {
  const requested = aad.requiredResourceAccess;

  it('requests exactly the permissions api/src/shared/graph-permissions.ts lists, application or delegated as it says', () => {
    expect(requested.map((r) => r.resourceAppId)).toEqual(['Microsoft Graph']);
    const access = requested[0]?.resourceAccess ?? [];
    expect(access.map((a) => `${a.type} ${a.id}`).sort()).toEqual(permissions.map(([name, p]) => `${p.type} ${name}`).sort());
    expect(MICROSOFT_GRAPH_APP_ID).toBe('00000003-0000-0000-c000-000000000000');
  });

  it('names permissions Microsoft Graph has, of the kind requested (the toolkit resolves them with this list)', () => {
    const known = graphPermissionsKnownToToolkit();
    expect(known.roles.size).toBeGreaterThan(100);
    for (const access of requested[0]?.resourceAccess ?? []) {
      expect((access.type === 'Role' ? known.roles : known.scopes).has(access.id), `${access.type} ${access.id}`).toBe(true);
    }
    expect(known.roles.has('TeamsActivity.Sent')).toBe(false);
  });

  it('covers every Graph request the code makes', () => {
    const inCode = graphRequestsInCode();
    expect([...inCode.keys()]).toEqual(expect.arrayContaining(['/teamwork/sendActivityNotificationToRecipients', '/users/{id}/teamwork/sendActivityNotification']));
    expect(matches('/groups/{id}/{id}/microsoft.graph.user', '/groups/{id}/owners/microsoft.graph.user')).toBe(true);
    expect(matches('/groups/{id}/members', '/groups/{id}/owners')).toBe(false);
    const listed = permissions.flatMap(([, p]) => [...p.requests, ...(p.planned ?? [])].map(pathOf));
    expect([...inCode].filter(([path]) => !listed.some((l) => matches(path, l))).map(([path, file]) => `${path} (${file})`)).toEqual([]);
  });

  it('lists under requests only calls the code really makes, and explains every permission', () => {
    const inCode = graphRequestsInCode();
    const stale = permissions.flatMap(([name, p]) => p.requests.filter((r) => ![...inCode.keys()].some((path) => matches(path, pathOf(r)))).map((r) => `${name}: ${r}`));
    expect(stale).toEqual([]);
    for (const [name, p] of permissions) {
      expect(p.requests.length + (p.planned?.length ?? 0), name).toBeGreaterThan(0);
      expect(p.why.length, name).toBeGreaterThan(40);
    }
  });
});
