import { problemSchema, type Problem } from '@contracts';
import { safeParse } from 'zod/mini';
import type * as zc from 'zod/v4/core';
import { pageActionKeys, type ActionKeys, type ActionRequest } from './action-keys';
import { DEFAULT_RETRY_POLICY, isUnsettled, retryDelayMs, type FailedTry, type RetryPolicy } from './retry-policy';
import { requestLanguage } from '../i18n/i18n';
import { newTraceId, traceparentOf } from './trace-context';

/** Why a call failed, in terms the UI can act on. */
export type ApiErrorKind =
  | 'sign-in' // no token from Teams
  | 'network' // the request never got an answer
  | 'http' // the API answered with an error status
  | 'response'; // the API answered 2xx with something we don't understand

/** A failed API call; `fieldErrors` maps field paths (e.g. "title") to messages for validation errors. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly code: string;
  readonly problem: Problem | undefined;
  readonly fieldErrors: Readonly<Record<string, string>>;
  /** The error body as sent, for details beyond the problem shape (e.g. an import's row errors). */
  readonly body: unknown;
  /** The trace of the failed call (the API's logs and spans carry it); set by the client. */
  traceId: string | undefined;

  constructor(
    kind: ApiErrorKind,
    message: string,
    options: { status?: number; code?: string; problem?: Problem; body?: unknown } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = options.status ?? 0;
    this.code = options.code ?? options.problem?.code ?? kind;
    this.problem = options.problem;
    this.fieldErrors = fieldErrorsOf(options.problem);
    this.body = options.body ?? options.problem;
    this.traceId = options.problem?.traceId;
  }

  /** For 412: the document as it is now, which carries its new etag. */
  get current(): unknown {
    const body = this.body as { current?: unknown } | undefined;
    return typeof body === 'object' && body !== null ? body.current : undefined;
  }
}

export function fieldErrorsOf(problem: Problem | undefined): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { path, message } of problem?.errors ?? []) {
    errors[path] ??= message; // the first message per field is the one to show
  }
  return errors;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, e.g. a CSV file: takes the place of `body`. */
  rawBody?: { contentType: string; text: string };
  /** Optimistic concurrency: the ETag the change is based on. */
  ifMatch?: string;
  /**
   * POST only: the Idempotency-Key of this action. Left out, the client keeps one per action (see
   * action-keys.ts); pass one to tie several calls to one action yourself.
   */
  idempotencyKey?: string;
  /** The trace this call belongs to; default a new one per call (its tries share it). */
  traceId?: string;
  signal?: AbortSignal;
}

export interface ApiClient {
  /** Calls the API and parses a JSON answer with `schema`. */
  request<S extends zc.$ZodType>(path: string, schema: S, options?: RequestOptions): Promise<zc.output<S>>;
  /** Calls the API where the answer has no body we need (e.g. 204 after DELETE). */
  send(path: string, options?: RequestOptions): Promise<void>;
  /** Downloads a file the API serves as an attachment, named as the API names it. */
  download(path: string, options?: RequestOptions): Promise<{ blob: Blob; filename: string | null }>;
}

export interface ApiClientOptions {
  /** Origin of the API, '' when it shares the tab's origin (the local host). */
  baseUrl: string;
  getToken: () => Promise<string>;
  fetchImpl?: typeof fetch;
  /** Retries of network failures, 429 and 502-504 (and 409 idempotency_in_progress); default 3 tries in all. */
  retryPolicy?: RetryPolicy;
  /** Where the keys of unsettled actions are kept (default: one memory for the page). */
  actionKeys?: ActionKeys;
  /** Waits between tries (tests pass one that does not sleep). */
  wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

function waitFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

let apiErrorListener: ((error: ApiError, path: string) => void) | undefined;

/** Hears every call that finally failed (the error reporter, app/error-reporter.ts). */
export function onApiError(listener: ((error: ApiError, path: string) => void) | undefined): void {
  apiErrorListener = listener;
}

export function createApiClient({
  baseUrl,
  getToken,
  fetchImpl = (...args) => fetch(...args),
  retryPolicy = DEFAULT_RETRY_POLICY,
  actionKeys = pageActionKeys,
  wait = waitFor,
}: ApiClientOptions): ApiClient {
  /** One try: the answer, or the error it ended with (a network failure is an ApiError of kind 'network'). */
  async function send(path: string, options: RequestOptions, body: string | undefined, idempotencyKey: string | undefined, traceId: string): Promise<Response> {
    let token: string;
    try {
      token = await getToken();
    } catch (error) {
      throw new ApiError('sign-in', `Teams couldn't sign you in: ${messageOf(error)}`);
    }
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
      'Accept-Language': requestLanguage(),
      traceparent: traceparentOf(traceId),
    };
    if (options.rawBody) headers['Content-Type'] = options.rawBody.contentType;
    else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.ifMatch !== undefined) headers['If-Match'] = options.ifMatch;
    if (idempotencyKey !== undefined) headers['Idempotency-Key'] = idempotencyKey;
    try {
      return await fetchImpl(`${baseUrl}${path}`, { method: options.method ?? 'GET', headers, body, signal: options.signal });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new ApiError('network', `Couldn't reach Line of Sight: ${messageOf(error)}`);
    }
  }

  /** Tries until an answer is final or the retry policy says stop; every try of a POST carries the action's key. */
  async function call(path: string, options: RequestOptions): Promise<Response> {
    const method = options.method ?? 'GET';
    const body = options.rawBody ? options.rawBody.text : options.body === undefined ? undefined : JSON.stringify(options.body);
    const action: ActionRequest = { method, path, body };
    const key = method === 'POST' ? (options.idempotencyKey ?? actionKeys.keyFor(action)) : undefined;
    const traceId = options.traceId ?? newTraceId();
    for (let attempt = 1; ; attempt += 1) {
      let failure: FailedTry;
      let error: ApiError;
      try {
        const response = await send(path, options, body, key, traceId);
        if (response.ok) {
          if (key !== undefined) actionKeys.settled(action, key);
          return response;
        }
        error = await errorFromResponse(response);
        failure = { kind: 'status', status: response.status, code: error.code, retryAfter: response.headers.get('retry-after') };
      } catch (thrown) {
        if (!(thrown instanceof ApiError) || thrown.kind !== 'network') throw thrown;
        error = thrown;
        failure = { kind: 'network' };
      }
      const delay = retryDelayMs(retryPolicy, method, failure, attempt + 1, Date.now());
      if (delay === undefined) {
        // A refusal is final; without a definite answer the action stays open, so a resubmit reuses its key.
        if (key !== undefined && !isUnsettled(failure)) actionKeys.settled(action, key);
        error.traceId ??= traceId;
        apiErrorListener?.(error, path);
        throw error;
      }
      await wait(delay, options.signal);
    }
  }

  return {
    async request(path, schema, options = {}) {
      const traceId = options.traceId ?? newTraceId();
      const response = await call(path, { ...options, traceId });
      // zod/mini's function takes classic and mini schemas alike; the shell doesn't load classic zod.
      const parsed = safeParse(schema, await response.json().catch(() => undefined));
      if (!parsed.success) {
        const error = new ApiError('response', 'Line of Sight answered with something unexpected', { status: response.status });
        error.traceId = traceId;
        apiErrorListener?.(error, path);
        throw error;
      }
      return parsed.data;
    },
    async send(path, options = {}) {
      await call(path, options);
    },
    async download(path, options = {}) {
      const response = await call(path, options);
      const disposition = response.headers.get('content-disposition') ?? '';
      const filename = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
      return { blob: await response.blob(), filename: filename ? decodeURIComponent(filename) : null };
    },
  };
}

/** Turns an error response into an ApiError, reading RFC 9457 problem details when present. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const body: unknown = await response.json().catch(() => undefined);
    const parsed = problemSchema.safeParse(body);
    if (parsed.success) {
      return new ApiError('http', parsed.data.detail ?? parsed.data.title, { status: response.status, problem: parsed.data, body });
    }
    return new ApiError('http', `Line of Sight answered ${response.status} ${response.statusText}`.trim(), { status: response.status, body });
  }
  return new ApiError('http', `Line of Sight answered ${response.status} ${response.statusText}`.trim(), { status: response.status });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
