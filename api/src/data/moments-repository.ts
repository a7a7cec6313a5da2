/**
 * Mission moments in the `alignment` container: the moment, each person's count of moments posted
 * per UTC day (written in the same transactional batch as the moment, conditioned on its etag, so
 * two posts at once cannot both take the last place of the day), reactions kept on the moment
 * (a set of user ids, replaced on the etag: one per person), and hiding with its audit entry in
 * the same batch. Deleting keeps a tombstone without the text, so a deleted moment still counts
 * towards the day's limit.
 */
import type { Container, Resource } from '@azure/cosmos';
import type { AuditActor, AuditDocument } from './audit.js';
import { writeInBatch, type DocumentWrite } from './audited-batch.js';

export type MomentTag = { kind: 'value'; value: string } | { kind: 'strategy'; strategyId: string };

export interface MomentDocument {
  id: string;
  tenantId: string;
  type: 'moment';
  authorId: string;
  text: string;
  recognisedUserIds: string[];
  /** The team recognised as a whole, if any. */
  teamId: string | null;
  /** The team itself and the teams of the people recognised, when posted: the team filter. */
  recognisedTeamIds: string[];
  tag: MomentTag;
  /** 'value:<name>' or 'strategy:<id>': the tag filter. */
  tagKey: string;
  createdAt: string;
  deletedAt: string | null;
  hidden: { by: AuditActor; reason: string; at: string } | null;
  reactionUserIds: string[];
}

export interface MomentQuotaDocument {
  id: string;
  tenantId: string;
  type: 'momentQuota';
  authorId: string;
  /** yyyy-mm-dd (UTC) */
  day: string;
  count: number;
}

export type StoredMoment = MomentDocument & Resource;
export type StoredQuota = MomentQuotaDocument & Resource;
export type MomentWrite = { status: 'ok'; moment: StoredMoment } | { status: 'stale' | 'not_found' | 'conflict' };

export interface MomentFilters {
  tagKey?: string;
  teamId?: string;
  personId?: string;
}

/** What the coaching figures read of a moment. */
export type MomentCountFields = Pick<MomentDocument, 'authorId' | 'recognisedUserIds' | 'recognisedTeamIds'>;

export const quotaIdOf = (authorId: string, day: string) => `moment-quota-${authorId}-${day}`;

function plain<T extends object>(document: T & Partial<Resource>): T {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith('_'))) as T;
}

export interface MomentsRepository {
  get(tenantId: string, id: string): Promise<StoredMoment | undefined>;
  getQuota(tenantId: string, authorId: string, day: string): Promise<StoredQuota | undefined>;
  /** Creates the moment and counts it in the author's day, as the quota was read (etag); stale when it moved. */
  create(moment: MomentDocument, quota: StoredQuota | undefined): Promise<MomentWrite>;
  /** Visible moments (neither deleted nor hidden), newest first, after the keyset position. */
  feed(tenantId: string, filters: MomentFilters, after: { at: string; id: string } | undefined, limit: number): Promise<StoredMoment[]>;
  /** Visible moments posted from `since` on, only the fields the coaching figures count. */
  listSince(tenantId: string, since: string): Promise<MomentCountFields[]>;
  /** Replaces the moment as read (etag), with any audit entries in the same batch. */
  replace(moment: StoredMoment, next: MomentDocument, audits?: readonly AuditDocument[]): Promise<MomentWrite>;
}

export function createMomentsRepository(container: Container): MomentsRepository {
  async function batch(tenantId: string, writes: DocumentWrite<MomentDocument | MomentQuotaDocument>[], audits: readonly AuditDocument[] = []): Promise<MomentWrite> {
    const result = await writeInBatch<MomentDocument | MomentQuotaDocument>(container, tenantId, writes, audits);
    if (result.status !== 'ok') return { status: result.status };
    return { status: 'ok', moment: result.documents.find((document) => document.type === 'moment') as StoredMoment };
  }

  return {
    async get(tenantId, id) {
      const { resource } = await container.item(id, tenantId).read<StoredMoment>();
      return resource?.type === 'moment' && resource.tenantId === tenantId ? resource : undefined;
    },
    async getQuota(tenantId, authorId, day) {
      const { resource } = await container.item(quotaIdOf(authorId, day), tenantId).read<StoredQuota>();
      return resource?.type === 'momentQuota' && resource.tenantId === tenantId ? resource : undefined;
    },
    create(moment, quota) {
      const day = moment.createdAt.slice(0, 10);
      const counted: MomentQuotaDocument = quota
        ? { ...plain<MomentQuotaDocument>(quota), count: quota.count + 1 }
        : { id: quotaIdOf(moment.authorId, day), tenantId: moment.tenantId, type: 'momentQuota', authorId: moment.authorId, day, count: 1 };
      return batch(moment.tenantId, [
        quota ? { kind: 'replace', document: counted, ifMatch: quota._etag } : { kind: 'create', document: counted },
        { kind: 'create', document: moment },
      ]);
    },
    async feed(tenantId, filters, after, limit) {
      const where = [`c.tenantId = @tenantId`, `c.type = 'moment'`, `IS_NULL(c.deletedAt)`, `IS_NULL(c.hidden)`];
      const parameters: { name: string; value: string }[] = [{ name: '@tenantId', value: tenantId }];
      const filter = (condition: string, name: string, value: string | undefined) => {
        if (value === undefined) return;
        where.push(condition);
        parameters.push({ name, value });
      };
      filter('c.tagKey = @tagKey', '@tagKey', filters.tagKey);
      filter('ARRAY_CONTAINS(c.recognisedTeamIds, @teamId)', '@teamId', filters.teamId);
      filter('ARRAY_CONTAINS(c.recognisedUserIds, @personId)', '@personId', filters.personId);
      if (after) {
        where.push('(c.createdAt < @afterAt OR (c.createdAt = @afterAt AND c.id < @afterId))');
        parameters.push({ name: '@afterAt', value: after.at }, { name: '@afterId', value: after.id });
      }
      const query = `SELECT TOP ${Math.max(1, Math.floor(limit))} * FROM c WHERE ${where.join(' AND ')} ORDER BY c.createdAt DESC, c.id DESC`;
      const { resources } = await container.items.query<StoredMoment>({ query, parameters }, { partitionKey: tenantId }).fetchAll();
      return resources;
    },
    async listSince(tenantId, since) {
      const { resources } = await container.items
        .query<MomentCountFields>(
          {
            query: `SELECT c.authorId, c.recognisedUserIds, c.recognisedTeamIds FROM c WHERE c.tenantId = @tenantId AND c.type = 'moment' AND IS_NULL(c.deletedAt) AND IS_NULL(c.hidden) AND c.createdAt >= @since`,
            parameters: [{ name: '@tenantId', value: tenantId }, { name: '@since', value: since }],
          },
          { partitionKey: tenantId },
        )
        .fetchAll();
      return resources;
    },
    replace: (moment, next, audits = []) => batch(moment.tenantId, [{ kind: 'replace', document: next, ifMatch: moment._etag }], audits),
  };
}
