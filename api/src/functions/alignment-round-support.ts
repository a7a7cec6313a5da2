/**
 * Shared steps of the alignment round routes: who may see a round (invited leaders, its creator,
 * Admins; anyone else gets a 404), closing a round whose date has passed when it is next read (the
 * API's clock decides, services.now()), scoring, and the round as the API answers it (who answered,
 * never what, before close).
 */
import type { HttpResponseInit } from '@azure/functions';
import type { AuditActor } from '../data/audit.js';
import type { StoredAnswer, StoredRound } from '../data/alignment-round-repository.js';
import { scoreRound, type RoundScore } from '../domain/alignment-round-scoring.js';
import type { AuthorisedCaller } from '../http/authorise.js';
import { problem, problems } from '../http/problem.js';
import type { Services } from '../services.js';
import type { AlignmentRound, Strategy } from '../shared/contracts.js';

/** Who closed a round when its closing date did (audit entries name an actor). */
export const CLOSING_DATE_ACTOR: AuditActor = { id: 'closing-date', displayName: 'Closing date' };

export const isInvited = (round: StoredRound, userId: string) => round.leaderIds.includes(userId);

/** Invited, the creator, or an Admin may know the round exists. */
export const canSeeRound = (round: StoredRound, authorised: AuthorisedCaller) =>
  authorised.isAdmin || isInvited(round, authorised.caller.userId) || round.createdBy.id === authorised.caller.userId;

/** Results: everyone invited and Admins, after close. */
export const canSeeResults = (round: StoredRound, authorised: AuthorisedCaller) => authorised.isAdmin || isInvited(round, authorised.caller.userId);

export const isOpen = (round: StoredRound, now: Date) => round.closedAt === null && now.toISOString() < round.closesAt;

export const roundClosed = (): HttpResponseInit =>
  problem(409, 'round_closed', 'This round is closed', { detail: 'Answers can no longer be given or changed; the results are ready.' });

export const roundStillOpen = (closesAt: string): HttpResponseInit =>
  problem(409, 'round_open', 'This round is still open', { detail: `Nobody can read any answer before the round closes (${closesAt}).` });

/** The round, if the caller may see it; undefined means answer 404 (also for another tenant's id). */
export async function visibleRound(services: Services, authorised: AuthorisedCaller, roundId: string): Promise<StoredRound | undefined> {
  const round = await services.alignmentRounds.get(authorised.caller.tenantId, roundId);
  return round && canSeeRound(round, authorised) ? round : undefined;
}

export interface ScoredRound {
  score: RoundScore;
  answers: StoredAnswer[];
  strategies: Strategy[];
}

/** Scores the round's answers against the strategies leaders could pick and the mission. */
export async function scoreStoredRound(services: Services, round: StoredRound): Promise<ScoredRound> {
  const [answers, strategies, organisation] = await Promise.all([
    services.alignmentRounds.listAnswers(round.tenantId, round.id),
    services.strategy.listStrategies(round.tenantId),
    services.strategy.getOrganisation(round.tenantId),
  ]);
  // Only invited leaders' answers count (an answer is only ever written by one, but be strict).
  const counted = answers.filter((answer) => round.leaderIds.includes(answer.leaderId)).sort((a, b) => a.leaderId.localeCompare(b.leaderId));
  const offered = strategies.filter((strategy) => strategy.status === 'active').map((strategy) => strategy.id);
  const score = scoreRound(counted, offered, organisation?.mission?.trim() ? organisation.mission : null);
  return { score, answers: counted, strategies };
}

/**
 * Closes the round now (by its creator or an Admin) or, when its date has passed, as of that date.
 * Returns the round as stored afterwards; re-reads once if someone else changed it meanwhile.
 */
export async function closeRound(services: Services, round: StoredRound, closedBy: AuditActor | null): Promise<StoredRound> {
  let current = round;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (current.closedAt !== null) return current;
    const now = services.now();
    const { score } = await scoreStoredRound(services, current);
    const closedAt = closedBy ? now.toISOString() : current.closesAt;
    const result = await services.alignmentRounds.close(current, {
      closedAt,
      closedBy,
      summary: { score: score.score, answered: score.answered },
      auditActor: closedBy ?? CLOSING_DATE_ACTOR,
      now,
    });
    if (result.status === 'ok') return result.round;
    const reread = await services.alignmentRounds.get(current.tenantId, current.id);
    if (!reread) throw new Error(`round ${current.id} vanished while closing`);
    current = reread;
  }
  return current;
}

/** The round as it is now: closed by its date if that has passed (written once, whoever reads first). */
export async function settledRound(services: Services, round: StoredRound): Promise<StoredRound> {
  if (round.closedAt !== null || isOpen(round, services.now())) return round;
  return closeRound(services, round, null);
}

/** The API's view of a round: who was invited and who answered, never any answer's text. */
export async function roundView(services: Services, round: StoredRound, authorised: AuthorisedCaller): Promise<AlignmentRound> {
  const people = await services.directory.listPeopleByIds(round.tenantId, [...new Set([...round.leaderIds, round.createdBy.id])]);
  const nameOf = new Map(people.map((person) => [person.id, person.displayName]));
  const answered = new Set(round.answeredLeaderIds);
  const open = isOpen(round, services.now());
  const userId = authorised.caller.userId;
  return {
    id: round.id,
    question: round.question,
    status: open ? 'open' : 'closed',
    closesAt: round.closesAt,
    createdAt: round.createdAt,
    closedAt: round.closedAt,
    createdBy: { id: round.createdBy.id, displayName: nameOf.get(round.createdBy.id) ?? round.createdBy.displayName },
    leaders: round.leaderIds.map((id) => ({ id, displayName: nameOf.get(id) ?? 'Former colleague', answered: answered.has(id) })),
    answeredCount: round.leaderIds.filter((id) => answered.has(id)).length,
    canAnswer: open && isInvited(round, userId),
    canClose: open && (authorised.isAdmin || round.createdBy.id === userId),
    canSeeResults: !open && canSeeResults(round, authorised),
  };
}

export const notVisible = () => problems.notFound('No such round, or it is not yours to see.');
