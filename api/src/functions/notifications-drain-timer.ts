/**
 * Timer trigger: drains every tenant's notification outbox (the assign handlers also drain right
 * away; this catches retries, reminders, scheduled starts and anything a crash left behind).
 * The run budget stays under the one-minute schedule; unfinished entries keep their place.
 */
import type { InvocationContext, Timer } from '@azure/functions';
import { trace } from '@opentelemetry/api';
import { getServices } from '../services.js';

export const NOTIFICATIONS_DRAIN_SCHEDULE = '0 */1 * * * *';

export async function notificationsDrainTimer(_timer: Timer, context: InvocationContext): Promise<void> {
  const report = await getServices().notifications.drainAll({ maxRunMs: 50_000 });
  // On the run's span, for the dead-letter and throttling queries (README, Operations).
  trace.getActiveSpan()?.setAttributes({ 'los.outbox.calls': report.calls, 'los.outbox.sent': report.sent, 'los.outbox.retried': report.retried, 'los.outbox.throttled': report.throttled, 'los.outbox.dead': report.dead });
  if (report.calls > 0) context.log(`notifications drained: ${JSON.stringify(report)}`);
}
