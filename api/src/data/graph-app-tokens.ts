/**
 * The app-only Microsoft Graph token source every Graph reader of the API shares (client
 * credentials per customer tenant): GRAPH_CLIENT_ID, GRAPH_TENANT_AUTHORITY, and the managed
 * identity's assertion in Azure (GRAPH_CLIENT_ASSERTION stands in for it locally). Undefined
 * without GRAPH_CLIENT_ID: Graph is then not configured and readers answer `not_configured`.
 */
import { clientCredentialsTokenSource, managedIdentityAssertion, type TokenSource } from '../notifications/graph-token.js';

export function graphTokenSourceFromEnv(env: NodeJS.ProcessEnv): TokenSource | undefined {
  const clientId = env.GRAPH_CLIENT_ID;
  if (!clientId) return undefined;
  const fixedAssertion = env.GRAPH_CLIENT_ASSERTION;
  if (fixedAssertion && env.WEBSITE_INSTANCE_ID) throw new Error('GRAPH_CLIENT_ASSERTION is for local use only');
  return clientCredentialsTokenSource({
    authority: env.GRAPH_TENANT_AUTHORITY ?? 'https://login.microsoftonline.com',
    clientId,
    clientAssertion: fixedAssertion ? async () => fixedAssertion : managedIdentityAssertion(env.MANAGED_IDENTITY_CLIENT_ID),
  });
}

export const graphBaseUrlFromEnv = (env: NodeJS.ProcessEnv): string => env.GRAPH_BASE_URL ?? 'https://graph.microsoft.com';
