/**
 * What the task-source routes share: the `{kind}` route parameter, the person's source (with their
 * SSO token, the assertion of the on-behalf-of exchange) and the problems a source can cause.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { Caller } from '../auth/verify-token.js';
import { bearerFrom } from '../auth/verify-token.js';
import { problem, problems } from '../http/problem.js';
import type { Parsed } from '../http/request-body.js';
import { taskSourceKindSchema, type TaskSourceKind } from '../shared/task-source-contracts.js';
import { ConsentRequiredError, OboRefusedError } from '../task-sources/delegated-token.js';
import { SourceThrottledError } from '../task-sources/task-import.js';
import { TaskSourcesUnavailableError } from '../task-sources/task-source-services.js';
import type { PersonSource } from '../task-sources/task-sync.js';

export const SOURCE_NAMES: Record<TaskSourceKind, string> = { planner: 'Planner', todo: 'Microsoft To Do' };

export function parseKind(request: HttpRequest): Parsed<TaskSourceKind> {
  const parsed = taskSourceKindSchema.safeParse(request.params.kind);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, response: problems.notFound('Sources are planner and todo.') };
}

export function personSource(caller: Caller, request: HttpRequest, kind: TaskSourceKind): PersonSource {
  return { tenantId: caller.tenantId, personId: caller.userId, kind, assertion: bearerFrom(request.headers.get('authorization')) };
}

/**
 * 403 consent_required: the tab asks the person (Teams authentication pop-up with the consent page).
 * `authorizeUrl` is Entra's consent page for these scopes in the person's tenant; the tab's pop-up adds
 * its redirect_uri, login_hint and state.
 */
export function consentRequired(tenantId: string, kind: TaskSourceKind, scopes: string[]): HttpResponseInit {
  const env = process.env;
  const authorizeUrl = new URL(`${(env.GRAPH_TENANT_AUTHORITY ?? 'https://login.microsoftonline.com').replace(/\/$/, '')}/${encodeURIComponent(tenantId)}/oauth2/v2.0/authorize`);
  authorizeUrl.searchParams.set('client_id', env.GRAPH_CLIENT_ID ?? '');
  authorizeUrl.searchParams.set('response_type', 'code');
  authorizeUrl.searchParams.set('scope', scopes.map((scope) => `https://graph.microsoft.com/${scope}`).join(' '));
  return problem(403, 'consent_required', `Line of Sight needs your permission to read your ${SOURCE_NAMES[kind]} tasks`, {
    detail: `Grant ${scopes.join(', ')} so Line of Sight can bring in your ${SOURCE_NAMES[kind]} tasks and keep them in sync, on your behalf.`,
    consent: { scopes, source: kind, authorizeUrl: authorizeUrl.toString() },
  });
}

export function throttled(retryAfterSeconds: number): HttpResponseInit {
  return problem(429, 'source_throttled', 'Microsoft 365 asked us to slow down', { detail: 'Try again in a moment; nothing was lost.', headers: { 'Retry-After': String(retryAfterSeconds) } });
}

/** A failure of the source as a problem, or undefined when it is not one of the source's. */
export function sourceProblem(error: unknown, tenantId: string, kind: TaskSourceKind): HttpResponseInit | undefined {
  if (error instanceof ConsentRequiredError) return consentRequired(tenantId, kind, error.scopes);
  if (error instanceof SourceThrottledError) return throttled(error.retryAfterSeconds);
  if (error instanceof TaskSourcesUnavailableError) return problem(503, 'task_sources_unavailable', 'Planner and To Do are not set up here', { detail: 'The API has no Microsoft Graph app registration (GRAPH_CLIENT_ID).' });
  if (error instanceof OboRefusedError) return problem(502, 'obo_refused', 'Microsoft Entra ID refused to act on your behalf', { detail: error.message });
  return undefined;
}

/** Runs `work`; a source failure becomes its problem, anything else goes on to the handler's 500. */
export async function withSourceProblems(tenantId: string, kind: TaskSourceKind, work: () => Promise<HttpResponseInit>): Promise<HttpResponseInit> {
  try {
    return await work();
  } catch (error) {
    const answer = sourceProblem(error, tenantId, kind);
    if (answer) return answer;
    throw error;
  }
}
