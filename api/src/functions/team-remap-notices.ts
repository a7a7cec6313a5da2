/**
 * After a bulk re-map committed: one Teams notification per owner whose tasks moved, except the
 * leader who re-mapped. Queued only after the batch committed (a 412 never gets here); the entries'
 * ids come from the re-map's identity, so a retry or a re-run after a crash queues nothing twice, and
 * the drain's claims and leases send each exactly once.
 */
import type { Caller } from '../auth/verify-token.js';
import { remapNotices } from '../domain/remap-notices.js';
import { homeDeepLink, tasksRemappedContent } from '../notifications/notification-content.js';
import { enqueueNotifications, remapIdempotencyKey } from '../notifications/outbox.js';
import type { Services } from '../services.js';
import { startDrain, teamsAppId } from './onboarding-support.js';
import type { RemapDone } from './team-task-relink.js';

export async function queueRemapNotices(services: Services, caller: Caller, remap: RemapDone, link: { strategyId: string; howItServes: string }): Promise<void> {
  const notices = remapNotices(remap.before, link, caller.userId);
  if (notices.length === 0) return;
  const webUrl = homeDeepLink(teamsAppId());
  await enqueueNotifications(
    services.outbox,
    caller.tenantId,
    notices.map(({ ownerId, tasks }) => ({
      recipientUserId: ownerId,
      kind: 'tasksRemapped' as const,
      assignmentId: remap.id,
      idempotencyKey: remapIdempotencyKey(remap.id, ownerId),
      // Each owner's count makes their text their own: a chain of one.
      chainKey: remapIdempotencyKey(remap.id, ownerId),
      content: tasksRemappedContent(remap.strategyTitle, tasks, link.howItServes, webUrl),
    })),
    services.now(),
  );
  startDrain(services, caller.tenantId);
}
