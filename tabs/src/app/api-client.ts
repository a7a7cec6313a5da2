import { problemSchema, type Problem } from '@contracts';
import type { z } from 'zod';

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
  signal?: AbortSignal;
}

export interface ApiClient {
  /** Calls the API and parses a JSON answer with `schema`. */
  request<S extends z.ZodType>(path: string, schema: S, options?: RequestOptions): Promise<z.infer<S>>;
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
}

export function createApiClient({ baseUrl, getToken, fetchImpl = (...args) => fetch(...args) }: ApiClientOptions): ApiClient {
  async function call(path: string, options: RequestOptions): Promise<Response> {
    let token: string;
    try {
      token = await getToken();
    } catch (error) {
      throw new ApiError('sign-in', `Teams couldn't sign you in: ${messageOf(error)}`);
    }
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    if (options.rawBody) headers['Content-Type'] = options.rawBody.contentType;
    else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.ifMatch !== undefined) headers['If-Match'] = options.ifMatch;
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, {
        method: options.method ?? 'GET',
        headers,
        body: options.rawBody ? options.rawBody.text : options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new ApiError('network', `Couldn't reach Line of Sight: ${messageOf(error)}`);
    }
    if (!response.ok) throw await errorFromResponse(response);
    return response;
  }

  return {
    async request(path, schema, options = {}) {
      const response = await call(path, options);
      const parsed = schema.safeParse(await response.json().catch(() => undefined));
      if (!parsed.success) throw new ApiError('response', 'Line of Sight answered with something unexpected', { status: response.status });
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
