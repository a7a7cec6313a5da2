/**
 * Closing and sealing a pulse. Closing is one batch: the pulse marked closed and its secret deleted
 * (from then on no marker can be computed, so no answer lands and no marker can be tested against a
 * person). Sealing follows: the tallies and a random sample of comments are kept on the pulse, then
 * every response and marker is deleted, a chunk at a time; the pulse says how far it got, so the
 * timer (or the next drain) finishes what one run leaves.
 */
import { sampleComments, tallyResponses } from '../domain/pulse/aggregation.js';
import { auditDocument, type AuditActor } from './audit.js';
import type { PulseDocument } from './pulse-documents.js';
import type { PulseRepository, StoredPulse } from './pulse-repository.js';

/** The actor of a pulse closed by its closing time. */
export const PULSE_TIMER_ACTOR: AuditActor = { id: 'line-of-sight', displayName: 'Line of Sight (closing time reached)' };

/** Responses and markers deleted per sealing run (the rest wait for the next run). */
export const SEAL_DELETES_PER_RUN = 5_000;

export async function closePulse(pulses: PulseRepository, pulse: StoredPulse, now: Date, actor: AuditActor): Promise<'ok' | 'stale'> {
  const closed: PulseDocument = { ...pulse, status: 'closed', closedAt: now.toISOString() };
  const audit = auditDocument({ tenantId: pulse.tenantId, entityType: 'pulse', entityId: pulse.id, action: 'update', actor, at: now, before: pulse, after: closed, note: 'closed' });
  return pulses.close(closed, pulse._etag, audit);
}

/**
 * Keeps the tallies (once) and deletes up to `maxDeletes` answers. Answers the pulse as it is after
 * this run (undefined when another run changed it meanwhile: that run carries on).
 */
export async function sealPulse(pulses: PulseRepository, pulse: StoredPulse, now: Date, maxDeletes: number = SEAL_DELETES_PER_RUN): Promise<StoredPulse | undefined> {
  if (pulse.status !== 'closed' || pulse.sealedAt) return pulse;
  let current: StoredPulse = pulse;
  if (!current.summary) {
    const responses = await pulses.listResponses(pulse.tenantId, pulse.id);
    const tallies = tallyResponses(pulse.statements.length, responses);
    const comments = sampleComments(responses.flatMap((response) => (response.comment ? [response.comment] : [])));
    const written = await pulses.replacePulse({ ...current, summary: { tallies, comments } }, current._etag);
    if (written === 'stale') return undefined;
    current = written;
  }
  const deleted = await pulses.deleteAnswers(pulse.tenantId, pulse.id, maxDeletes);
  if (deleted >= maxDeletes) return current;
  const sealed = await pulses.replacePulse({ ...current, sealedAt: now.toISOString() }, current._etag);
  return sealed === 'stale' ? undefined : sealed;
}
