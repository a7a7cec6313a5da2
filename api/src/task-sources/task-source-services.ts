/**
 * The task sources' services, built from the same Graph settings as notifications:
 *   GRAPH_CLIENT_ID         the app registration (its client id presents the OBO request)
 *   GRAPH_TENANT_AUTHORITY  default https://login.microsoftonline.com
 *   GRAPH_BASE_URL          default https://graph.microsoft.com
 *   GRAPH_CLIENT_ASSERTION  local/tests only; in Azure the client assertion is the managed
 *                           identity's token (MANAGED_IDENTITY_CLIENT_ID), via the federated credential
 *   TASK_SYNC_PER_PERSON_PER_SECOND  optional pacing of Graph calls per person (default 8)
 * Without GRAPH_CLIENT_ID the routes answer 503 `task_sources_unavailable`.
 */
import { createTaskSourcesRepository } from '../data/task-sources-repository.js';
import { managedIdentityAssertion } from '../notifications/graph-token.js';
import type { Container } from '@azure/cosmos';
import { createDelegatedTokens, type DelegatedTokens } from './delegated-token.js';
import { createTaskGraph } from './graph-tasks-client.js';
import type { TaskSourceServices } from './task-sync.js';

export class TaskSourcesUnavailableError extends Error {
  override readonly name = 'TaskSourcesUnavailableError';
}

const unavailableTokens: DelegatedTokens = {
  get: () => Promise.reject(new TaskSourcesUnavailableError('GRAPH_CLIENT_ID is not set')),
  has: () => false,
  forget: () => undefined,
  exchanges: 0,
};

export function createTaskSourceServicesFromEnv(env: NodeJS.ProcessEnv, tasksContainer: Container, now: () => Date): TaskSourceServices {
  const clientId = env.GRAPH_CLIENT_ID;
  if (clientId && env.GRAPH_CLIENT_ASSERTION && env.WEBSITE_INSTANCE_ID) throw new Error('GRAPH_CLIENT_ASSERTION is for local use only');
  const fixedAssertion = env.GRAPH_CLIENT_ASSERTION;
  const tokens = clientId
    ? createDelegatedTokens({
        authority: env.GRAPH_TENANT_AUTHORITY ?? 'https://login.microsoftonline.com',
        clientId,
        clientAssertion: fixedAssertion ? async () => fixedAssertion : managedIdentityAssertion(env.MANAGED_IDENTITY_CLIENT_ID),
      })
    : unavailableTokens;
  const perPerson = Number(env.TASK_SYNC_PER_PERSON_PER_SECOND);
  return {
    repository: createTaskSourcesRepository(tasksContainer),
    graph: createTaskGraph({ baseUrl: env.GRAPH_BASE_URL ?? 'https://graph.microsoft.com', ...(perPerson > 0 ? { perPersonPerSecond: perPerson } : {}) }),
    tokens,
    now,
    offered: Boolean(clientId),
  };
}
