/**
 * Timer trigger: every night, recounts each tenant's alignment figures from its tasks and replaces
 * the maintained ones (data/alignment-figures-repository.ts). Every task write moves the figures in
 * its own batch, so normally this finds nothing to repair; it is the safety net for what that
 * cannot cover (a 50-task re-map whose figures follow the batch and a crash in between, a task
 * written by hand or by an older release). Repaired drift is logged per tenant.
 */
import type { InvocationContext, Timer } from '@azure/functions';
import { getServices } from '../services.js';

/** 02:30 UTC every day. */
export const ALIGNMENT_FIGURES_SCHEDULE = '0 30 2 * * *';

export async function alignmentFiguresTimer(_timer: Timer, context: InvocationContext): Promise<void> {
  const services = getServices();
  for (const tenantId of await services.tenants.listIds()) {
    try {
      const { drift, tasks, wasComplete } = await services.alignmentFigures.rebuild(tenantId);
      if (!wasComplete) context.log(`alignment figures of tenant ${tenantId}: built (${tasks} tasks)`);
      else if (drift.length > 0) context.warn(`alignment figures of tenant ${tenantId}: repaired ${drift.length} counts (${tasks} tasks)`);
    } catch (error) {
      // One tenant's failure must not stop the others; tomorrow's run (or the next insights read) tries again.
      context.error(`alignment figures of tenant ${tenantId}: ${(error as Error).message}`);
    }
  }
}
