/**
 * Documents of the `pulses` container (one tenant partition each). What a response may hold is the
 * point: its pulse, the team it counts for, its values and comment. No person id, no name, no time
 * of its own (a response belongs to its pulse's window), no link to the marker written beside it.
 */
import type { PulseTallies } from '../domain/pulse/aggregation.js';
import type { AuditActor } from './audit.js';

export interface PulseDocument {
  id: string;
  tenantId: string;
  type: 'pulse';
  title: string;
  statements: { id: string; text: string }[];
  audience: { teamIds: string[] } | null;
  /** The minimum group size, locked in when the pulse opened. */
  threshold: number;
  status: 'open' | 'closed';
  openedAt: string;
  closesAt: string;
  closedAt: string | null;
  createdBy: AuditActor;
  /** People the pulse went to when it opened, per team (response rates). */
  invited: { organisation: number; teams: Record<string, number> };
  /** The announcement is queued in the outbox (one per person, exactly once by key). */
  announcedAt?: string;
  /** When the reminder is due (half way through the window) and when it was queued. */
  remindAt: string;
  remindedAt?: string;
  /** Set once closed: the tallies and a random sample of comments; then responses and markers are deleted. */
  summary?: { tallies: PulseTallies; comments: string[] };
  /** Every response and marker of the closed pulse is deleted. */
  sealedAt?: string;
}

/** The per-pulse marker secret, wrapped under PULSE_MARKER_KEY; deleted in the batch that closes the pulse. */
export interface PulseSecretDocument {
  id: string;
  tenantId: string;
  type: 'pulseSecret';
  pulseId: string;
  wrapped: string;
}

/** "Someone answered this pulse": id = pm-<HMAC(secret, person)>, nothing else. */
export interface PulseMarkerDocument {
  id: string;
  tenantId: string;
  type: 'pulseMarker';
  pulseId: string;
}

export interface PulseResponseDocument {
  id: string;
  tenantId: string;
  type: 'pulseResponse';
  pulseId: string;
  teamId: string | null;
  values: number[];
  comment?: string;
}

/** The tenant's pulse settings: the anonymity threshold and the industry benchmark choice. */
export interface PulseSettingsDocument {
  id: typeof PULSE_SETTINGS_ID;
  tenantId: string;
  type: 'pulseSettings';
  minimumGroupSize: number;
  industry?: string;
  benchmarkOptIn?: boolean;
  /** The random id of this tenant's benchmark contribution (data/pulse-benchmark.ts), to remove it on opt-out. */
  benchmarkContributionId?: string;
  updatedAt: string;
}

export const PULSE_SETTINGS_ID = 'pulse-settings';

export const pulseSecretId = (pulseId: string) => `pulsesecret-${pulseId}`;

export type PulseStoreDocument = PulseDocument | PulseSecretDocument | PulseMarkerDocument | PulseResponseDocument | PulseSettingsDocument;
