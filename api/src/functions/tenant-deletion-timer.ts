/**
 * Timer trigger: deletes the tenants whose grace period has passed, and finishes any deletion a crash
 * interrupted (data/tenant-deletion.ts). Hourly: the grace period is days, and a run is resumable.
 */
import type { InvocationContext, Timer } from '@azure/functions';
import { runDueTenantDeletions } from '../data/tenant-deletion.js';
import { getServices } from '../services.js';

export const TENANT_DELETION_SCHEDULE = '0 17 * * * *';

export async function tenantDeletionTimer(_timer: Timer, context: InvocationContext): Promise<void> {
  const services = getServices();
  const outcomes = await runDueTenantDeletions(services.containers, services.tenantDeletions, services.now, (tenantId) => {
    services.tenants.forget(tenantId);
    services.firstRequestPeople.forget(tenantId);
  });
  // Counts only: the log entry is the record of what happened.
  if (outcomes.length > 0) context.log(`tenant deletion: ${outcomes.map((outcome) => `${outcome.deleted} documents`).join(', ')}`);
}
