/**
 * What the task-source API tests share: a local stack wired to a loopback fake Graph whose Contoso
 * and Fabrikam tenants hold Planner plans and To Do lists, and whose on-behalf-of grant trusts the
 * stack's dev issuer (as Entra trusts the app's SSO tokens). Each test gives its own person work
 * (`givePlan`, `giveList`) and consent, so no test reads another's data.
 */
import { createFakeDirectory, type FakeDirectory } from '../../../api/src/local/fake-m365/directory.js';
import { startFakeGraph, type FakeGraph } from '../../../api/src/local/fake-m365/fake-graph.js';
import type { FakePlannerTaskInit, FakeTodoTaskInit } from '../../../api/src/local/fake-m365/work.js';
import { getServices } from '../../../api/src/services.js';
import type { Task } from '../../../api/src/shared/contracts.js';
import { CONTOSO_IDS, FABRIKAM_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';

export { CONTOSO_IDS, FABRIKAM_IDS };
export const CONTOSO = CONTOSO_IDS.tenant;

export interface TaskSourcesTestStack {
  api: ApiTestStack;
  graph: FakeGraph;
  directory: FakeDirectory;
  /** A Planner plan in `tenantId` with tasks assigned to `personId`. */
  givePlan(tenantId: string, personId: string, planId: string, titles: string[]): FakePlannerTaskInit[];
  /** A To Do list of `personId`. */
  giveList(tenantId: string, personId: string, listId: string, titles: string[]): FakeTodoTaskInit[];
  consent(tenantId: string, personId: string, scopes?: string[]): void;
  /** JSON request as the person. */
  as<T = unknown>(tenantId: string, personId: string, method: string, path: string, json?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T; headers: Headers }>;
  /** The person's tasks as the API lists them. */
  tasksOf(tenantId: string, personId: string): Promise<Task[]>;
  close(): Promise<void>;
}

const users = (tenantIdPeople: Record<string, string>, domain: string) =>
  Object.entries(tenantIdPeople).map(([name, id]) => ({ id, displayName: name, userPrincipalName: `${name}@${domain}` }));

export async function startTaskSourcesTestStack(options: { taskPageSize?: number } = {}): Promise<TaskSourcesTestStack> {
  const directory = createFakeDirectory([
    { id: CONTOSO, displayName: 'Contoso Logistics', consented: true, users: users(CONTOSO_IDS.people, 'contoso.example') },
    { id: FABRIKAM_IDS.tenant, displayName: 'Fabrikam', consented: true, users: users(FABRIKAM_IDS.people, 'fabrikam.example') },
  ]);
  const graph = await startFakeGraph({ directory, taskPageSize: options.taskPageSize ?? 2 });
  Object.assign(process.env, { GRAPH_CLIENT_ID: graph.clientId, GRAPH_BASE_URL: graph.baseUrl, GRAPH_TENANT_AUTHORITY: graph.authority, GRAPH_CLIENT_ASSERTION: 'local-test-assertion', TASK_SYNC_PER_PERSON_PER_SECOND: '1000' });
  const api = await startApiTestStack();
  const issuer = getServices().auth.devTokenIssuer!;
  graph.trustUserTokens({ jwks: issuer.jwks, issuerTemplate: issuer.issuerTemplate, audience: issuer.clientId });

  const stack: TaskSourcesTestStack = {
    api,
    graph,
    directory,
    givePlan(tenantId, personId, planId, titles) {
      const tasks = titles.map((title, index) => ({ id: `${planId}-t${index + 1}`, title, assigneeIds: [personId] }));
      directory.tenant(tenantId)!.work.addPlan({ id: planId, title: `Plan ${planId}`, tasks });
      return tasks;
    },
    giveList(tenantId, personId, listId, titles) {
      const tasks = titles.map((title, index) => ({ id: `${listId}-t${index + 1}`, title }));
      directory.tenant(tenantId)!.work.addTodoList({ id: listId, displayName: `List ${listId}`, ownerId: personId, tasks });
      return tasks;
    },
    consent(tenantId, personId, scopes = ['Tasks.Read']) {
      directory.grantDelegatedConsent(tenantId, personId, scopes);
    },
    async as<T>(tenantId: string, personId: string, method: string, path: string, json?: unknown, headers: Record<string, string> = {}) {
      const token = await api.tokenFor(tenantId, personId);
      const response = await api.request<T>(method, path, { token, headers, ...(json !== undefined ? { json } : {}) });
      return { status: response.status, body: response.body, headers: response.headers };
    },
    async tasksOf(tenantId, personId) {
      return (await stack.as<{ tasks: Task[] }>(tenantId, personId, 'GET', '/api/me/tasks')).body.tasks;
    },
    async close() {
      await api.close();
      await graph.close();
      for (const name of ['GRAPH_CLIENT_ID', 'GRAPH_BASE_URL', 'GRAPH_TENANT_AUTHORITY', 'GRAPH_CLIENT_ASSERTION', 'TASK_SYNC_PER_PERSON_PER_SECOND']) delete process.env[name];
    },
  };
  return stack;
}
