/**
 * Leaders' alignment rounds and their answers in the `alignment` container. An answer is saved in
 * one transactional batch with the round (conditioned on the round's etag, which also records who
 * answered), and closing replaces the round on its etag too: an answer either lands before the close
 * or is refused, never after it. Every query names the tenant's partition and filters c.tenantId.
 */
import type { Container, Resource } from '@azure/cosmos';
import { auditDocument, type AuditActor } from './audit.js';
import { writeInBatch, type DocumentWrite } from './audited-batch.js';

export interface RoundSummary {
  score: number | null;
  answered: number;
}

export interface AlignmentRoundDocument {
  id: string;
  tenantId: string;
  type: 'alignmentRound';
  question: string;
  leaderIds: string[];
  answeredLeaderIds: string[];
  closesAt: string;
  createdAt: string;
  createdBy: AuditActor;
  closedAt: string | null;
  /** null when the closing date closed it. */
  closedBy: AuditActor | null;
  /** Written when it closes, for the trend across rounds. */
  summary: RoundSummary | null;
}

export interface RoundAnswerDocument {
  id: string;
  tenantId: string;
  type: 'alignmentAnswer';
  roundId: string;
  leaderId: string;
  text: string;
  strategyIds: string[];
  updatedAt: string;
}

export type StoredRound = AlignmentRoundDocument & Resource;
export type StoredAnswer = RoundAnswerDocument & Resource;
type RoundDocument = AlignmentRoundDocument | RoundAnswerDocument;
export type RoundWrite = { status: 'ok'; round: StoredRound } | { status: 'stale' | 'not_found' | 'conflict' };

export const answerIdOf = (roundId: string, leaderId: string) => `answer-${roundId}-${leaderId}`;

function plain<T extends object>(document: T & Partial<Resource>): T {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith('_'))) as T;
}

export interface AlignmentRoundRepository {
  get(tenantId: string, id: string): Promise<StoredRound | undefined>;
  /** Newest first, at most `limit`. */
  list(tenantId: string, limit: number): Promise<StoredRound[]>;
  /** Rounds not closed yet (reminders). */
  listOpen(tenantId: string): Promise<StoredRound[]>;
  /** Closed rounds, newest first, at most `limit` (the trend). */
  listClosed(tenantId: string, limit: number): Promise<StoredRound[]>;
  create(round: AlignmentRoundDocument): Promise<RoundWrite>;
  getAnswer(tenantId: string, roundId: string, leaderId: string): Promise<StoredAnswer | undefined>;
  listAnswers(tenantId: string, roundId: string): Promise<StoredAnswer[]>;
  /** The answer and the round's answered list, together, if the round is unchanged since read. */
  saveAnswer(round: StoredRound, answer: RoundAnswerDocument, existing: StoredAnswer | undefined): Promise<RoundWrite>;
  /** Closes the round as read (etag), with its summary and an audit entry; stale if it changed. */
  close(round: StoredRound, closing: { closedAt: string; closedBy: AuditActor | null; summary: RoundSummary; auditActor: AuditActor; now: Date }): Promise<RoundWrite>;
}

export function createAlignmentRoundRepository(container: Container): AlignmentRoundRepository {
  async function query<T>(tenantId: string, text: string, parameters: { name: string; value: string | number }[] = []): Promise<T[]> {
    const { resources } = await container.items
      .query<T>({ query: text, parameters: [{ name: '@tenantId', value: tenantId }, ...parameters] }, { partitionKey: tenantId })
      .fetchAll();
    return resources;
  }

  async function batch(tenantId: string, writes: DocumentWrite<RoundDocument>[], audits: Parameters<typeof writeInBatch>[3] = []): Promise<RoundWrite> {
    const result = await writeInBatch<RoundDocument>(container, tenantId, writes, audits);
    if (result.status !== 'ok') return { status: result.status };
    return { status: 'ok', round: result.documents.find((document) => document.type === 'alignmentRound') as StoredRound };
  }

  const top = (limit: number) => Math.max(1, Math.floor(limit));

  return {
    async get(tenantId, id) {
      const { resource } = await container.item(id, tenantId).read<StoredRound>();
      return resource?.type === 'alignmentRound' && resource.tenantId === tenantId ? resource : undefined;
    },
    list: (tenantId, limit) =>
      query<StoredRound>(tenantId, `SELECT TOP ${top(limit)} * FROM c WHERE c.tenantId = @tenantId AND c.type = 'alignmentRound' ORDER BY c.createdAt DESC, c.id DESC`),
    listOpen: (tenantId) => query<StoredRound>(tenantId, `SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'alignmentRound' AND IS_NULL(c.closedAt)`),
    listClosed: (tenantId, limit) =>
      query<StoredRound>(
        tenantId,
        `SELECT TOP ${top(limit)} * FROM c WHERE c.tenantId = @tenantId AND c.type = 'alignmentRound' AND NOT IS_NULL(c.closedAt) ORDER BY c.createdAt DESC, c.id DESC`,
      ),
    create: (round) =>
      batch(round.tenantId, [{ kind: 'create', document: round }], [
        auditDocument({ tenantId: round.tenantId, entityType: 'alignmentRound', entityId: round.id, action: 'create', actor: round.createdBy, after: round, at: new Date(round.createdAt) }),
      ]),
    async getAnswer(tenantId, roundId, leaderId) {
      const { resource } = await container.item(answerIdOf(roundId, leaderId), tenantId).read<StoredAnswer>();
      return resource?.type === 'alignmentAnswer' && resource.tenantId === tenantId ? resource : undefined;
    },
    listAnswers: (tenantId, roundId) =>
      query<StoredAnswer>(tenantId, `SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'alignmentAnswer' AND c.roundId = @roundId`, [{ name: '@roundId', value: roundId }]),
    saveAnswer(round, answer, existing) {
      const answered = round.answeredLeaderIds.includes(answer.leaderId) ? round.answeredLeaderIds : [...round.answeredLeaderIds, answer.leaderId];
      return batch(round.tenantId, [
        { kind: 'replace', document: { ...plain<AlignmentRoundDocument>(round), answeredLeaderIds: answered }, ifMatch: round._etag },
        existing ? { kind: 'replace', document: answer, ifMatch: existing._etag } : { kind: 'create', document: answer },
      ]);
    },
    close(round, { closedAt, closedBy, summary, auditActor, now }) {
      const next: AlignmentRoundDocument = { ...plain<AlignmentRoundDocument>(round), closedAt, closedBy, summary };
      return batch(round.tenantId, [{ kind: 'replace', document: next, ifMatch: round._etag }], [
        auditDocument({ tenantId: round.tenantId, entityType: 'alignmentRound', entityId: round.id, action: 'update', actor: auditActor, before: plain(round), after: next, at: now, note: closedBy ? 'closed' : 'closed on its closing date' }),
      ]);
    },
  };
}
