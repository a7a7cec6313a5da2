/**
 * GET /api/health/ready — readiness: Cosmos DB reachable and its latency, each tenant's outbox backlog
 * (count and the age of the oldest waiting entry), dead letters, and when its directory sync last
 * finished (domain/readiness.ts). Two ways in:
 * - the operator's probe sends the key from the LOS_HEALTH_KEY app setting in `X-Health-Key`
 *   (compared in constant time): every tenant, by id;
 * - an Admin signs in as usual: their own tenant only.
 * Tenants appear by id only, never by name. A wrong key counts as a failed sign-in of the address.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { AuthError } from '../auth/auth-error.js';
import { containersOf } from '../data/cosmos-client.js';
import { createDirectorySyncRepository } from '../data/directory-sync-repository.js';
import { readiness, type TenantFigures } from '../domain/readiness.js';
import { requireAdmin } from '../http/authorise.js';
import { admit, publicHandler } from '../http/handler.js';
import { clientAddress, rateLimitedResponse } from '../http/rate-limit.js';
import { json } from '../http/respond.js';
import { getServices, type Services } from '../services.js';

export const HEALTH_KEY_HEADER = 'x-health-key';

/** Equal keys, in time that does not depend on where they differ (digests: equal length always). */
export function sameKey(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

async function cosmosCheck(services: Services): Promise<{ reachable: boolean; latencyMs: number }> {
  const started = performance.now();
  try {
    await services.cosmos.getDatabaseAccount();
    return { reachable: true, latencyMs: performance.now() - started };
  } catch {
    return { reachable: false, latencyMs: performance.now() - started };
  }
}

async function figuresOf(services: Services, tenantId: string): Promise<TenantFigures> {
  const syncState = createDirectorySyncRepository(containersOf(services.cosmos).directory);
  const [outbox, sync] = await Promise.all([services.outbox.backlog(tenantId), syncState.get(tenantId)]);
  return { tenantId, outbox, directorySync: { lastCompletedAt: sync?.users.completedAt ?? null } };
}

/** 'all' for the key holder, the Admin's tenant id, or a response that refuses. */
type ReadinessScope = { response: HttpResponseInit } | { tenantIds: 'all' | string[] };

async function scopeOf(services: Services, request: HttpRequest, context: Parameters<typeof admit>[2]): Promise<ReadinessScope> {
  const key = request.headers.get(HEALTH_KEY_HEADER);
  if (key !== null) {
    const address = clientAddress(request);
    const verdict = await services.rateLimits.checkAddress(address);
    if (!verdict.ok) return { response: rateLimitedResponse(verdict) };
    const expected = process.env.LOS_HEALTH_KEY?.trim();
    if (!expected || !sameKey(key, expected)) {
      await services.rateLimits.recordAuthFailure(address);
      throw new AuthError(401, 'invalid_token', 'The health key is not valid.');
    }
    return { tenantIds: 'all' };
  }
  const admitted = await admit(services, request, context);
  if (!admitted.ok) return { response: admitted.response };
  await requireAdmin(services, admitted.caller);
  return { tenantIds: [admitted.caller.tenantId] };
}

export const healthReady = publicHandler(async (request, context) => {
  const services = getServices();
  const scope = await scopeOf(services, request, context);
  if ('response' in scope) return scope.response;
  const cosmos = await cosmosCheck(services);
  if (!cosmos.reachable) return json(503, readiness(cosmos, [], services.now()), { 'Cache-Control': 'no-store' });
  const tenantIds = scope.tenantIds === 'all' ? (await services.tenants.listIds()).sort() : scope.tenantIds;
  const figures = await Promise.all(tenantIds.map((tenantId) => figuresOf(services, tenantId)));
  const report = readiness(cosmos, figures, services.now());
  return json(200, report, { 'Cache-Control': 'no-store' });
});
