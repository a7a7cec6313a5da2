// Makes the app registration trust the API's user-assigned managed identity: a federated identity
// credential whose issuer is the identity's tenant and whose subject is its object id. The API then
// asks for app-only Microsoft Graph tokens with a token of that identity as its client assertion
// (api/src/notifications/graph-token.ts): no client secret exists anywhere.
//
// Run by m365agents.yml (deploy stage) as a `script` action, because the toolkit's aadApp/update does
// not manage federated credentials. Idempotent: creates the credential, updates it when the identity
// changed, or leaves it alone. Calls Microsoft Graph through the Azure CLI (`az rest`), signed in as
// an owner of the app registration.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { requireValues } from './toolkit-env.js';

export const CREDENTIAL_NAME = 'line-of-sight-api';
/** The audience Entra ID expects on a token exchanged for an app's credential. */
export const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';

export interface FederatedCredential {
  id?: string;
  name: string;
  issuer: string;
  subject: string;
  audiences: string[];
  description?: string;
}

export type CredentialPlan =
  | { action: 'none'; reason: string }
  | { action: 'create'; body: FederatedCredential }
  | { action: 'update'; id: string; body: Pick<FederatedCredential, 'issuer' | 'subject' | 'audiences'> };

/** The credential for a managed identity (object id `principalId`) of tenant `tenantId`. */
export function desiredCredential(tenantId: string, principalId: string, loginHost = 'https://login.microsoftonline.com'): FederatedCredential {
  return {
    name: CREDENTIAL_NAME,
    issuer: `${loginHost}/${tenantId}/v2.0`,
    subject: principalId,
    audiences: [TOKEN_EXCHANGE_AUDIENCE],
    description: 'The Line of Sight API\'s user-assigned managed identity (Azure Functions): app-only Microsoft Graph tokens without a secret.',
  };
}

const sameTrust = (a: FederatedCredential, b: FederatedCredential) =>
  a.issuer === b.issuer && a.subject === b.subject && a.audiences.length === b.audiences.length && a.audiences.every((x) => b.audiences.includes(x));

export function planFederatedCredential(existing: readonly FederatedCredential[], desired: FederatedCredential): CredentialPlan {
  // Entra refuses two credentials with the same issuer and subject, whatever their names.
  const trusted = existing.find((credential) => sameTrust(credential, desired));
  if (trusted) return { action: 'none', reason: `credential "${trusted.name}" already trusts this identity` };
  const named = existing.find((credential) => credential.name === desired.name);
  if (named?.id) return { action: 'update', id: named.id, body: { issuer: desired.issuer, subject: desired.subject, audiences: desired.audiences } };
  return { action: 'create', body: desired };
}

function azRest(method: 'get' | 'post' | 'patch', url: string, body?: unknown): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'los-fic-'));
  try {
    const args = ['rest', '--method', method, '--url', url, '--output', 'json'];
    if (body !== undefined) {
      // A file, not an argument: no shell quoting differences between platforms.
      const file = join(dir, 'body.json');
      writeFileSync(file, JSON.stringify(body));
      args.push('--headers', 'Content-Type=application/json', '--body', `@${file}`);
    }
    const result = spawnSync('az', args, { encoding: 'utf8', shell: process.platform === 'win32' });
    if (result.error) throw new Error(`the Azure CLI (az) could not start: ${result.error.message}`);
    if (result.status !== 0) throw new Error(`az rest ${method} ${url} failed: ${result.stderr.trim() || `exit code ${result.status}`}`);
    return result.stdout.trim() ? JSON.parse(result.stdout) : undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const env = requireValues(process.env, ['AAD_APP_OBJECT_ID', 'AAD_APP_TENANT_ID', 'API_IDENTITY_PRINCIPAL_ID', 'AZURE_TENANT_ID'], 'The environment');
  if (env.AAD_APP_TENANT_ID !== env.AZURE_TENANT_ID) {
    throw new Error(
      `The app registration lives in tenant ${env.AAD_APP_TENANT_ID} but the API's managed identity in ${env.AZURE_TENANT_ID}: ` +
        'a managed identity can stand in for an app registration of its own tenant only. Deploy to a subscription of the Microsoft 365 tenant.',
    );
  }
  const base = `https://graph.microsoft.com/v1.0/applications/${encodeURIComponent(env.AAD_APP_OBJECT_ID)}/federatedIdentityCredentials`;
  const existing = ((azRest('get', base) as { value?: FederatedCredential[] } | undefined)?.value ?? []);
  const plan = planFederatedCredential(existing, desiredCredential(env.AZURE_TENANT_ID, env.API_IDENTITY_PRINCIPAL_ID));
  if (plan.action === 'create') azRest('post', base, plan.body);
  if (plan.action === 'update') azRest('patch', `${base}/${encodeURIComponent(plan.id)}`, plan.body);
  console.log(`Federated credential: ${plan.action === 'none' ? plan.reason : `${plan.action}d "${CREDENTIAL_NAME}"`} (subject ${env.API_IDENTITY_PRINCIPAL_ID}).`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (error) {
    console.error(`federated-credential: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
