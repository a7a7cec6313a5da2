/**
 * Pulses, their secrets, markers, responses and the tenant's pulse settings, in the `pulses`
 * container. Every read passes the tenant partition key and every query repeats c.tenantId (the
 * embedded server ignores the partition key on queries). An answer is one transactional batch
 * (marker first, then the response): a second answer collides on the marker and writes nothing.
 */
import type { Container, OperationInput, Resource } from '@azure/cosmos';
import type { Tally } from '../domain/pulse/aggregation.js';
import type { AuditDocument } from './audit.js';
import { writeInBatch, type DocumentWrite } from './audited-batch.js';
import {
  PULSE_SETTINGS_ID,
  pulseSecretId,
  type PulseDocument,
  type PulseMarkerDocument,
  type PulseResponseDocument,
  type PulseSecretDocument,
  type PulseSettingsDocument,
  type PulseStoreDocument,
} from './pulse-documents.js';

export type StoredPulse = PulseDocument & Resource;
export type StoredPulseSettings = PulseSettingsDocument & Resource;
export type TrendPulse = Pick<PulseDocument, 'id' | 'title' | 'closedAt' | 'threshold' | 'statements'> & { invitedOrganisation: number; organisation: Tally | null };

/** Deletes per transactional batch when a closed pulse is sealed. */
export const SEAL_CHUNK = 100;

export interface PulseRepository {
  getSettings(tenantId: string): Promise<StoredPulseSettings | undefined>;
  putSettings(settings: PulseSettingsDocument, ifMatch: string | undefined, audit: AuditDocument | undefined): Promise<'ok' | 'stale'>;
  getPulse(tenantId: string, id: string): Promise<StoredPulse | undefined>;
  /** Newest first. */
  listPulses(tenantId: string, status?: PulseDocument['status']): Promise<StoredPulse[]>;
  /** Closed pulses, newest first, with only what a trend needs (the organisation's tally, not every team's). */
  listTrend(tenantId: string, limit: number): Promise<TrendPulse[]>;
  /** The most recently opened closed pulse whose tallies are kept (one point read after a projected query). */
  latestSummarised(tenantId: string): Promise<StoredPulse | undefined>;
  /** Pulses the notification planner or the sealing still has work for. */
  listPulsesWithWork(tenantId: string): Promise<StoredPulse[]>;
  /** Opens a pulse: the pulse, its wrapped secret and the audit entry in one batch. */
  open(pulse: PulseDocument, secret: PulseSecretDocument, audit: AuditDocument): Promise<'ok' | 'conflict'>;
  getSecret(tenantId: string, pulseId: string): Promise<PulseSecretDocument | undefined>;
  /** Marker and response in one batch, guarded by the secret still existing; 'already' when the marker exists. */
  answer(marker: PulseMarkerDocument, response: PulseResponseDocument): Promise<'ok' | 'already' | 'closed'>;
  hasMarker(tenantId: string, markerId: string): Promise<boolean>;
  /** Closes: the pulse (etag-guarded), the secret deleted, the audit entry, in one batch. */
  close(pulse: PulseDocument, ifMatch: string, audit: AuditDocument): Promise<'ok' | 'stale'>;
  replacePulse(pulse: PulseDocument, ifMatch: string): Promise<StoredPulse | 'stale'>;
  /** Every response of a pulse: team and values (and comment), nothing else. */
  listResponses(tenantId: string, pulseId: string): Promise<Pick<PulseResponseDocument, 'teamId' | 'values' | 'comment'>[]>;
  /** The team each response counts for (respondent counts while a pulse is open). */
  listResponseTeams(tenantId: string, pulseId: string): Promise<(string | null)[]>;
  /** Deletes up to `limit` responses and markers of a pulse; answers how many it deleted. */
  deleteAnswers(tenantId: string, pulseId: string, limit: number): Promise<number>;
}

function withoutSystemProperties<T extends object>(document: T): T {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith('_'))) as T;
}

export function createPulseRepository(container: Container): PulseRepository {
  async function read<T extends PulseStoreDocument>(tenantId: string, id: string, type: T['type']): Promise<(T & Resource) | undefined> {
    const { resource } = await container.item(id, tenantId).read<T & Resource>();
    return resource?.type === type && resource.tenantId === tenantId ? resource : undefined;
  }
  async function query<T>(tenantId: string, text: string, parameters: { name: string; value: string | string[] }[] = []): Promise<T[]> {
    const { resources } = await container.items
      .query<T>({ query: text, parameters: [{ name: '@tenantId', value: tenantId }, ...parameters] }, { partitionKey: tenantId, maxItemCount: -1 })
      .fetchAll();
    return resources;
  }
  const batch = <T extends { id: string; tenantId: string }>(tenantId: string, writes: DocumentWrite<T>[], audits: AuditDocument[] = []) =>
    writeInBatch(container, tenantId, writes, audits);

  return {
    getSettings: (tenantId) => read<PulseSettingsDocument>(tenantId, PULSE_SETTINGS_ID, 'pulseSettings'),
    async putSettings(settings, ifMatch, audit) {
      const document = withoutSystemProperties(settings);
      const write: DocumentWrite<PulseSettingsDocument> = ifMatch ? { kind: 'replace', document, ifMatch } : { kind: 'create', document };
      const result = await batch(settings.tenantId, [write], audit ? [audit] : []);
      return result.status === 'ok' ? 'ok' : 'stale';
    },
    getPulse: (tenantId, id) => read<PulseDocument>(tenantId, id, 'pulse'),
    listPulses: (tenantId, status) =>
      query<StoredPulse>(
        tenantId,
        `SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'pulse'${status ? ' AND c.status = @status' : ''} ORDER BY c.openedAt DESC`,
        status ? [{ name: '@status', value: status }] : [],
      ),
    listTrend: (tenantId, limit) =>
      query<TrendPulse>(
        tenantId,
        `SELECT TOP ${Math.max(1, Math.floor(limit))} c.id, c.title, c.closedAt, c.threshold, c.statements, c.invited.organisation AS invitedOrganisation, c.summary.tallies.organisation AS organisation FROM c WHERE c.tenantId = @tenantId AND c.type = 'pulse' AND c.status = 'closed' AND IS_DEFINED(c.summary) ORDER BY c.openedAt DESC`,
      ),
    async latestSummarised(tenantId) {
      const [latest] = await query<{ id: string }>(
        tenantId,
        "SELECT TOP 1 c.id FROM c WHERE c.tenantId = @tenantId AND c.type = 'pulse' AND c.status = 'closed' AND IS_DEFINED(c.summary) ORDER BY c.openedAt DESC",
      );
      return latest ? read<PulseDocument>(tenantId, latest.id, 'pulse') : undefined;
    },
    listPulsesWithWork: (tenantId) =>
      query<StoredPulse>(tenantId, `SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'pulse' AND (c.status = 'open' OR NOT IS_DEFINED(c.sealedAt))`),
    async open(pulse, secret, audit) {
      const result = await batch<PulseDocument | PulseSecretDocument>(pulse.tenantId, [{ kind: 'create', document: pulse }, { kind: 'create', document: secret }], [audit]);
      return result.status === 'ok' ? 'ok' : 'conflict';
    },
    getSecret: (tenantId, pulseId) => read<PulseSecretDocument>(tenantId, pulseSecretId(pulseId), 'pulseSecret'),
    async answer(marker, response) {
      // The secret is read inside the batch: once closing deleted it, no answer can land, however
      // close the two requests are (a batch is serialised with every other write of the partition).
      const operations: OperationInput[] = [
        { operationType: 'Read', id: pulseSecretId(marker.pulseId), partitionKey: marker.tenantId },
        { operationType: 'Create', resourceBody: { ...marker } as never },
        { operationType: 'Create', resourceBody: { ...response } as never },
      ];
      const result = await container.items.batch(operations, marker.tenantId);
      const failed = (result.result ?? []).find((entry) => entry.statusCode >= 400 && entry.statusCode !== 424);
      if (!failed && (result.result ?? []).length === operations.length) return 'ok';
      if (failed?.statusCode === 409) return 'already';
      if (failed?.statusCode === 404) return 'closed';
      throw new Error(`answer batch failed: ${failed?.statusCode ?? result.code}`);
    },
    async hasMarker(tenantId, markerId) {
      return (await read<PulseMarkerDocument>(tenantId, markerId, 'pulseMarker')) !== undefined;
    },
    async close(pulse, ifMatch, audit) {
      const secretId = pulseSecretId(pulse.id);
      const operations: OperationInput[] = [
        { operationType: 'Replace', id: pulse.id, partitionKey: pulse.tenantId, ifMatch, resourceBody: { ...withoutSystemProperties(pulse) } as never },
        { operationType: 'Delete', id: secretId, partitionKey: pulse.tenantId },
        { operationType: 'Create', resourceBody: { ...audit } as never },
      ];
      const response = await container.items.batch(operations, pulse.tenantId);
      const results = response.result ?? [];
      const failed = results.find((entry) => entry.statusCode >= 400 && entry.statusCode !== 424);
      if (failed?.statusCode === 412) return 'stale';
      if (failed || results.length !== operations.length) throw new Error(`closing the pulse failed with status ${failed?.statusCode ?? response.code}`);
      return 'ok';
    },
    async replacePulse(pulse, ifMatch) {
      const result = await batch<PulseDocument>(pulse.tenantId, [{ kind: 'replace', document: withoutSystemProperties(pulse), ifMatch }]);
      return result.status === 'ok' ? (result.documents[0] as StoredPulse) : 'stale';
    },
    listResponses: (tenantId, pulseId) =>
      query(tenantId, `SELECT c.teamId, c["values"], c.comment FROM c WHERE c.tenantId = @tenantId AND c.type = 'pulseResponse' AND c.pulseId = @pulseId`, [{ name: '@pulseId', value: pulseId }]),
    listResponseTeams: (tenantId, pulseId) =>
      query(tenantId, `SELECT VALUE c.teamId FROM c WHERE c.tenantId = @tenantId AND c.type = 'pulseResponse' AND c.pulseId = @pulseId`, [{ name: '@pulseId', value: pulseId }]),
    async deleteAnswers(tenantId, pulseId, limit) {
      const ids = (
        await query<string>(
          tenantId,
          `SELECT TOP ${Math.max(1, Math.floor(limit))} VALUE c.id FROM c WHERE c.tenantId = @tenantId AND (c.type = 'pulseResponse' OR c.type = 'pulseMarker') AND c.pulseId = @pulseId`,
          [{ name: '@pulseId', value: pulseId }],
        )
      ).slice(0, limit);
      for (let index = 0; index < ids.length; index += SEAL_CHUNK) {
        const operations = ids.slice(index, index + SEAL_CHUNK).map((id): OperationInput => ({ operationType: 'Delete', id, partitionKey: tenantId }));
        const response = await container.items.batch(operations, tenantId);
        // A document another sealing run deleted meanwhile (404) is as good as deleted.
        if ((response.result ?? []).some((entry) => entry.statusCode >= 400 && entry.statusCode !== 404 && entry.statusCode !== 424)) {
          throw new Error('deleting pulse answers failed');
        }
      }
      return ids.length;
    },
  };
}
