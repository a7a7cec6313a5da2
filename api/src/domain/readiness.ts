/**
 * What GET /api/health/ready reports, worked out from raw figures and "now" (pure: no I/O). Ages are
 * whole seconds; a tenant is "degraded" when its outbox has dead letters or an entry has waited
 * longer than READINESS_LIMITS.oldestPendingSeconds, or its directory sync is older than
 * READINESS_LIMITS.syncLagSeconds; the whole answer is "unavailable" when Cosmos DB did not answer.
 */
export const READINESS_LIMITS = {
  /** The drain runs every minute; an entry waiting an hour means it is stuck or throttled hard. */
  oldestPendingSeconds: 3_600,
  /** The directory sync runs hourly; a day without a finished round is worth a look. */
  syncLagSeconds: 86_400,
} as const;

export interface TenantFigures {
  tenantId: string;
  outbox: { pending: number; oldestPendingCreatedAt?: string; dead: number };
  directorySync: { lastCompletedAt?: string | null };
}

export interface TenantReadiness {
  tenantId: string;
  status: 'ok' | 'degraded';
  outbox: { pending: number; oldestPendingAgeSeconds: number | null; dead: number };
  directorySync: { lastCompletedAt: string | null; lagSeconds: number | null };
}

export interface Readiness {
  status: 'ok' | 'degraded' | 'unavailable';
  checkedAt: string;
  cosmos: { reachable: boolean; latencyMs: number };
  tenants: TenantReadiness[];
}

function secondsSince(iso: string | null | undefined, now: Date): number | null {
  if (!iso) return null;
  const at = Date.parse(iso);
  return Number.isFinite(at) ? Math.max(0, Math.floor((now.getTime() - at) / 1000)) : null;
}

export function tenantReadiness(figures: TenantFigures, now: Date): TenantReadiness {
  const oldestPendingAgeSeconds = figures.outbox.pending > 0 ? secondsSince(figures.outbox.oldestPendingCreatedAt, now) : null;
  const lastCompletedAt = figures.directorySync.lastCompletedAt ?? null;
  const lagSeconds = secondsSince(lastCompletedAt, now);
  const degraded =
    figures.outbox.dead > 0 ||
    (oldestPendingAgeSeconds ?? 0) > READINESS_LIMITS.oldestPendingSeconds ||
    (lagSeconds ?? 0) > READINESS_LIMITS.syncLagSeconds;
  return {
    tenantId: figures.tenantId,
    status: degraded ? 'degraded' : 'ok',
    outbox: { pending: figures.outbox.pending, oldestPendingAgeSeconds, dead: figures.outbox.dead },
    directorySync: { lastCompletedAt, lagSeconds },
  };
}

export function readiness(cosmos: { reachable: boolean; latencyMs: number }, tenants: readonly TenantFigures[], now: Date): Readiness {
  const perTenant = tenants.map((figures) => tenantReadiness(figures, now));
  const status = !cosmos.reachable ? 'unavailable' : perTenant.some((tenant) => tenant.status === 'degraded') ? 'degraded' : 'ok';
  return { status, checkedAt: now.toISOString(), cosmos: { reachable: cosmos.reachable, latencyMs: Math.round(cosmos.latencyMs) }, tenants: perTenant };
}
