/**
 * The pulse work each drain does for a tenant (registered with NotificationService.addPlanner):
 * - announce an open pulse to its audience, once (outbox keys per person and pulse);
 * - remind the same people half way through the window, once; everyone, since who answered is
 *   never used for anything but refusing a second answer;
 * - close a pulse whose closing time passed, then seal closed pulses (data/pulse-lifecycle.ts).
 * Each step records itself on the pulse (etag-guarded) after its entries are queued, so a crash in
 * between queues nothing twice: the keys collide.
 */
import type { DirectoryRepository } from '../data/directory-repository.js';
import type { BenchmarkStore } from '../data/pulse-benchmark.js';
import { closePulse, PULSE_TIMER_ACTOR, sealPulse } from '../data/pulse-lifecycle.js';
import type { PulseRepository, StoredPulse } from '../data/pulse-repository.js';
import type { OutboxRepository } from '../data/outbox-repository.js';
import { isInAudience } from '../domain/pulse/pulse-rules.js';
import { pulseDeepLink, pulseOpenedContent, pulseReminderContent } from './notification-content.js';
import type { NotificationPlanner } from './notification-service.js';
import { enqueueNotifications, pulseChainKey, pulseIdempotencyKey, type NotificationRequest } from './outbox.js';

export interface PulsePlannerDependencies {
  pulses: PulseRepository;
  directory: DirectoryRepository;
  outbox: OutboxRepository;
  teamsAppId: () => string;
  /** An opted-in tenant's benchmark contribution follows its latest sealed pulse. */
  benchmarks?: BenchmarkStore;
}

async function queue(deps: PulsePlannerDependencies, pulse: StoredPulse, kind: 'pulse' | 'pulseReminder', now: Date): Promise<void> {
  const people = (await deps.directory.listPeople(pulse.tenantId)).filter((person) => isInAudience(pulse, person.teamId));
  const webUrl = pulseDeepLink(deps.teamsAppId(), pulse.id);
  const closesOn = pulse.closesAt.slice(0, 10);
  const content = kind === 'pulse' ? pulseOpenedContent(pulse.title, closesOn, webUrl, pulse.statements.length) : pulseReminderContent(pulse.title, closesOn, webUrl, now.toISOString().slice(0, 10));
  const requests: NotificationRequest[] = people.map((person) => ({
    recipientUserId: person.id,
    kind,
    assignmentId: pulse.id,
    idempotencyKey: pulseIdempotencyKey(pulse.id, person.id, kind),
    chainKey: pulseChainKey(pulse.id, kind),
    content,
  }));
  await enqueueNotifications(deps.outbox, pulse.tenantId, requests, now);
}

async function syncBenchmark(deps: PulsePlannerDependencies, tenantId: string): Promise<void> {
  const settings = await deps.pulses.getSettings(tenantId);
  if (!settings?.benchmarkOptIn) return;
  const latest = await deps.pulses.latestSummarised(tenantId);
  const next = await deps.benchmarks!.sync(settings, latest, settings);
  if (next.benchmarkContributionId !== settings.benchmarkContributionId) await deps.pulses.putSettings(next, settings._etag, undefined);
}

export function createPulsePlanner(deps: PulsePlannerDependencies): NotificationPlanner {
  return async (tenantId, clock) => {
    for (let pulse of await deps.pulses.listPulsesWithWork(tenantId)) {
      const now = clock();
      if (pulse.status === 'open' && now.toISOString() >= pulse.closesAt) {
        if ((await closePulse(deps.pulses, pulse, now, PULSE_TIMER_ACTOR)) !== 'ok') continue;
        const reread = await deps.pulses.getPulse(tenantId, pulse.id);
        if (!reread) continue;
        pulse = reread;
      }
      if (pulse.status === 'closed') {
        const sealed = await sealPulse(deps.pulses, pulse, now);
        if (sealed?.sealedAt && deps.benchmarks) await syncBenchmark(deps, tenantId);
        continue;
      }
      if (!pulse.announcedAt) {
        await queue(deps, pulse, 'pulse', now);
        const written = await deps.pulses.replacePulse({ ...pulse, announcedAt: now.toISOString() }, pulse._etag);
        if (written === 'stale') continue;
        pulse = written;
      }
      if (!pulse.remindedAt && now.toISOString() >= pulse.remindAt) {
        await queue(deps, pulse, 'pulseReminder', now);
        await deps.pulses.replacePulse({ ...pulse, remindedAt: now.toISOString() }, pulse._etag);
      }
    }
  };
}
