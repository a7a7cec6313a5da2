/**
 * Idempotency-Key for every POST (wrapped where routes are declared, api/src/index.ts).
 *
 * - No header: the request runs as it always did.
 * - A malformed key: 400 `idempotency_key_invalid` (after the token check, so strangers learn nothing).
 * - The first request with a key claims a record (tenant partition, per user and key) and runs. A 2xx
 *   answer is stored and replayed to every retry for 24 h with `Idempotent-Replayed: true`; any other
 *   answer releases the key (a failed request wrote nothing, so its retry may run again).
 * - The same key with another route, method, path, query or body: 422 `idempotency_key_reused`.
 * - While the first is still running, a retry waits briefly for its answer, else 409
 *   `idempotency_in_progress` with Retry-After. A run that never finished (crash) is taken over after
 *   its lease, with the same id seed, so a create it already wrote collides instead of doubling.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import azureFunctions from '@azure/functions';
import type { HttpFunctionOptions, HttpHandler, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { Caller } from '../auth/verify-token.js';
import type { IdempotencyRecord, StoredIdempotencyRecord, StoredResponse } from '../data/idempotency-repository.js';
import { checkIdempotencyKey, decide, idempotencyRecordId, isReplayable, requestFingerprint, runningRecord } from '../domain/idempotency.js';
import { getServices, type Services } from '../services.js';
import { admit, admitsTenantsNotOnboarded, publicHandler } from './handler.js';
import { problem } from './problem.js';
import { readCapped } from './request-body.js';
import { attachIdempotentScope } from './request-scope.js';

// Default import: on Node 20 the ESM named import of this CommonJS package fails.
const { HttpResponse } = azureFunctions;

/**
 * Bodies are read (and hashed) up to this size: at least the largest body any route accepts (module
 * content, 256 KiB). A larger body goes straight to its route, which refuses it with 413 and writes nothing.
 */
export const IDEMPOTENT_BODY_LIMIT = 256 * 1024;
/** Answers larger than this are not stored (a Cosmos document holds 2 MB); their key is released. */
const MAX_STORED_BODY_CHARS = 1_000_000;

export interface IdempotencyOptions {
  /** How long a retry waits for the first request's answer before answering 409 (default 3 s). */
  waitMs?: number;
  pollMs?: number;
  now?: () => Date;
}

/**
 * POST routes deliberately left without Idempotency-Key, and why. Its record would keep the person's
 * id with a hash of the request body: for an anonymous pulse answer (a few values 1–5) that hash is
 * easily reversed, linking the person to their answers. Its marker makes a retry safe instead (409).
 */
export const ROUTES_WITHOUT_IDEMPOTENCY: ReadonlyMap<string, string> = new Map([
  ['pulses-responses-create', 'anonymous answer: an idempotency record would link the person to a guessable hash of their answers'],
  ['public-survey-answer', 'public, no sign-in: there is no caller to key a record on, and nothing personal may be kept'],
  ['client-errors-create', 'stores nothing (a log line and a metric): a retry repeats a line, and a key record would need Cosmos DB exactly when errors are reported because it is down'],
]);

/** The route options with their handler wrapped by `idempotent` when the route accepts POST (or any method). */
export function withIdempotentPost(options: HttpFunctionOptions): HttpFunctionOptions {
  const methods = options.methods?.map((method) => method.toUpperCase());
  return !methods || methods.includes('POST') ? { ...options, handler: idempotent(options.handler) } : options;
}

export function idempotent(handler: HttpHandler, options: IdempotencyOptions = {}): HttpHandler {
  // A sign-up route admits tenants not onboarded yet; its key records are admitted the same way.
  const admission = { admitTenantNotOnboarded: admitsTenantsNotOnboarded(handler) };
  return publicHandler(async (request, context) => {
    const header = request.headers.get('idempotency-key');
    if (header === null) return handler(request, context);
    const services = getServices();
    // The same admission as any authenticated route (token, then rate limits): a replay is no way round either.
    const admitted = await admit(services, request, context, admission);
    if (!admitted.ok) return admitted.response;
    const { caller } = admitted;
    const key = checkIdempotencyKey(header);
    if (!key.ok) return problem(400, 'idempotency_key_invalid', 'The Idempotency-Key header is not valid', { detail: key.reason });

    // The handler reads the body again: give it a clone taken before this wrapper reads the original.
    const forHandler = request.clone();
    const body = await readCapped(request, IDEMPOTENT_BODY_LIMIT);
    if (body === 'too_large') return handler(forHandler, context);
    const url = new URL(request.url);
    const fingerprint = requestFingerprint({
      route: context.functionName,
      method: request.method,
      path: url.pathname,
      query: url.search,
      contentType: request.headers.get('content-type') ?? '',
      body,
    });
    const run = new KeyedRun(services, caller, key.key, fingerprint, options);
    return run.answer(async (seed) => {
      attachIdempotentScope(forHandler, { caller, seed });
      return handler(forHandler, context);
    }, context);
  });
}

type Execute = (seed: string) => Promise<HttpResponseInit | InstanceType<typeof HttpResponse>> | HttpResponseInit | InstanceType<typeof HttpResponse>;

/** One request under one key: claim, wait, replay or refuse, then run and record. */
class KeyedRun {
  private readonly base: Pick<IdempotencyRecord, 'id' | 'tenantId' | 'userId' | 'key' | 'fingerprint'>;
  private readonly now: () => Date;

  constructor(
    private readonly services: Services,
    caller: Caller,
    key: string,
    fingerprint: string,
    private readonly options: IdempotencyOptions,
  ) {
    this.base = { id: idempotencyRecordId(caller.userId, key), tenantId: caller.tenantId, userId: caller.userId, key, fingerprint };
    this.now = options.now ?? (() => new Date());
  }

  async answer(execute: Execute, context: InvocationContext): Promise<HttpResponseInit> {
    const records = this.services.idempotency;
    const waitUntil = performance.now() + (this.options.waitMs ?? 3_000);
    // The common case (a fresh key) costs one write: try to claim before reading.
    let claim = await records.create(runningRecord(this.base, randomUUID(), this.now()));
    while (!claim) {
      const found = await records.read(this.base.tenantId, this.base.id);
      const decision = decide(found, this.base.fingerprint, this.now());
      if (decision.kind === 'reused') return keyReused();
      if (decision.kind === 'replay') return replayed(decision.response);
      if (decision.kind === 'claim') {
        const fresh = runningRecord(this.base, randomUUID(), this.now());
        claim = found ? await records.replace(fresh, found._etag) : await records.create(fresh);
      } else if (decision.kind === 'take_over' && found) {
        context.warn(`Idempotency-Key record ${found.id}: taking over a run whose lease ended`);
        claim = await records.replace(runningRecord(this.base, decision.seed, this.now(), found), found._etag);
      }
      if (claim) break;
      if (performance.now() >= waitUntil) return stillRunning();
      // Someone else holds the key (or won the race to claim it): wait for their answer.
      await sleep(this.options.pollMs ?? 50);
    }
    return this.runAndRecord(claim, execute, context);
  }

  private async runAndRecord(claim: StoredIdempotencyRecord, execute: Execute, context: InvocationContext): Promise<HttpResponseInit> {
    const records = this.services.idempotency;
    let response: StoredResponse;
    try {
      response = await asStoredResponse(await execute(claim.seed));
    } catch (error) {
      await records.remove(claim.tenantId, claim.id, claim._etag).catch((cause: unknown) => context.error('Releasing an idempotency key failed', cause));
      throw error;
    }
    try {
      if (isReplayable(response.status) && (response.body?.length ?? 0) <= MAX_STORED_BODY_CHARS) {
        const done: IdempotencyRecord = { ...this.base, type: 'idempotency', seed: claim.seed, state: 'done', leaseUntil: claim.leaseUntil, response, createdAt: claim.createdAt, expiresAt: claim.expiresAt };
        // A failed store leaves the record running: after its lease a retry re-runs with the same seed (no double create).
        if (!(await records.replace(done, claim._etag))) context.warn(`Idempotency-Key record ${claim.id} changed while its request ran`);
      } else {
        await records.remove(claim.tenantId, claim.id, claim._etag);
      }
    } catch (error) {
      context.error('Recording an idempotent answer failed', error);
    }
    return { status: response.status, headers: response.headers, ...(response.body === undefined ? {} : { body: response.body }) };
  }
}

/** Any handler result as status, headers and text body: what is stored and what is answered. */
async function asStoredResponse(result: HttpResponseInit | InstanceType<typeof HttpResponse>): Promise<StoredResponse> {
  const response = result instanceof HttpResponse ? result : new HttpResponse(result);
  const body = await response.text();
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { status: response.status, headers, ...(body === '' ? {} : { body }) };
}

function replayed(response: StoredResponse): HttpResponseInit {
  return {
    status: response.status,
    headers: { ...response.headers, 'Idempotent-Replayed': 'true' },
    ...(response.body === undefined ? {} : { body: response.body }),
  };
}

function keyReused(): HttpResponseInit {
  return problem(422, 'idempotency_key_reused', 'This Idempotency-Key belongs to a different request', {
    detail: 'Retry only with the same method, path and body; use a new key for a new request.',
  });
}

function stillRunning(): HttpResponseInit {
  return problem(409, 'idempotency_in_progress', 'This request is still being processed', {
    detail: 'The same request is still being processed. Try again in a moment (with the same Idempotency-Key) to get its result.',
    headers: { 'Retry-After': '1' },
  });
}
