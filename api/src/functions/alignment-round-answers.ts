import type { RoundAnswerDocument } from '../data/alignment-round-repository.js';
import { answerIdOf } from '../data/alignment-round-repository.js';
import { roundTrend } from '../domain/alignment-round-scoring.js';
import { authoriseCaller } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem, problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';
import { ROUND_LIMITS, roundAnswerSchema, type AlignmentRoundResults, type MyRoundAnswer } from '../shared/contracts.js';
import { canSeeResults, canSeeRound, isInvited, isOpen, notVisible, roundClosed, roundStillOpen, scoreStoredRound, settledRound, visibleRound } from './alignment-round-support.js';

const notInvited = () => problem(403, 'not_invited', 'You are not invited to this round', { detail: 'Only the invited leaders answer a round.' });

/**
 * PUT /api/alignment-rounds/{id}/answers/me {text, strategyIds} — an invited leader, while the round
 * is open → 200 own answer (ETag). Changing an answer already given needs its ETag (If-Match: 428
 * without, 412 when stale). Saved with the round's "who answered" in one batch on the round's etag,
 * so an answer never lands after the close.
 */
export const alignmentRoundAnswerPut = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const authorised = await authoriseCaller(services, caller);
  let round = await visibleRound(services, authorised, id.value);
  if (!round) return notVisible();
  if (!isInvited(round, caller.userId)) return notInvited();
  const body = await parseJsonBody(request, roundAnswerSchema);
  if (!body.ok) return body.response;
  const strategies = await services.strategy.listStrategies(caller.tenantId);
  const active = new Set(strategies.filter((strategy) => strategy.status === 'active').map((strategy) => strategy.id));
  const errors = body.value.strategyIds.flatMap((strategyId, index) => (active.has(strategyId) ? [] : [{ path: `strategyIds.${index}`, message: 'Pick one of the active strategies' }]));
  if (errors.length > 0) return problems.validation(errors);

  for (let attempt = 0; attempt < 4; attempt++) {
    round = await settledRound(services, round);
    if (!isOpen(round, services.now())) return roundClosed();
    const existing = await services.alignmentRounds.getAnswer(caller.tenantId, round.id, caller.userId);
    if (existing && attempt === 0) {
      const ifMatch = request.headers.get('if-match');
      if (!ifMatch) return problems.preconditionRequiredFor('answer');
      if (ifMatch !== existing._etag) return problems.staleDocument('answer', toMine(existing));
    }
    const answer: RoundAnswerDocument = {
      id: answerIdOf(round.id, caller.userId),
      tenantId: caller.tenantId,
      type: 'alignmentAnswer',
      roundId: round.id,
      leaderId: caller.userId,
      text: body.value.text,
      strategyIds: body.value.strategyIds,
      updatedAt: services.now().toISOString(),
    };
    const result = await services.alignmentRounds.saveAnswer(round, answer, existing);
    if (result.status === 'ok') {
      const saved = await services.alignmentRounds.getAnswer(caller.tenantId, round.id, caller.userId);
      return json(200, toMine(saved ?? { ...answer, _etag: '' }), saved ? { ETag: saved._etag } : {});
    }
    // Another leader answered (or the round closed) meanwhile: read the round again and retry.
    const reread = await services.alignmentRounds.get(caller.tenantId, round.id);
    if (!reread) return notVisible();
    round = reread;
  }
  return problem(409, 'busy', 'Many answers arrived at once', { detail: 'Try again in a moment.' });
});

function toMine(answer: { text: string; strategyIds: string[]; updatedAt: string; _etag?: string }): MyRoundAnswer {
  return { text: answer.text, strategyIds: answer.strategyIds, updatedAt: answer.updatedAt, ...(answer._etag ? { _etag: answer._etag } : {}) };
}

/** GET /api/alignment-rounds/{id}/answers/me — the caller's own answer only (404 when none yet). */
export const alignmentRoundAnswerGet = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const authorised = await authoriseCaller(services, caller);
  const round = await visibleRound(services, authorised, id.value);
  if (!round || !isInvited(round, caller.userId)) return notVisible();
  const answer = await services.alignmentRounds.getAnswer(caller.tenantId, round.id, caller.userId);
  if (!answer) return problems.notFound('You have not answered yet.');
  return json(200, toMine(answer), { ETag: answer._etag });
});

/**
 * GET /api/alignment-rounds/{id}/results — everyone invited and Admins, after close → 200 scored
 * results, most divergent leader first; 409 while open (for every role: the answers are not read).
 */
export const alignmentRoundResults = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const authorised = await authoriseCaller(services, caller);
  const found = await visibleRound(services, authorised, id.value);
  if (!found) return notVisible();
  const round = await settledRound(services, found);
  if (round.closedAt === null) return roundStillOpen(round.closesAt);
  if (!canSeeResults(round, authorised)) {
    return problem(403, 'forbidden', 'You are not allowed to do this', { detail: 'The results are for the invited leaders and Admins.' });
  }
  const { score, answers, strategies } = await scoreStoredRound(services, round);
  const people = await services.directory.listPeopleByIds(round.tenantId, round.leaderIds);
  const nameOf = new Map(people.map((person) => [person.id, person.displayName]));
  const titleOf = new Map(strategies.map((strategy) => [strategy.id, strategy.title]));
  const refs = (ids: readonly string[]) => ids.map((strategyId) => ({ id: strategyId, title: titleOf.get(strategyId) ?? 'Removed strategy' }));
  const answerOf = new Map(answers.map((answer) => [answer.leaderId, answer]));
  const earlier = (await services.alignmentRounds.listClosed(round.tenantId, ROUND_LIMITS.trendRounds))
    .filter((other) => other.id === round.id || canSeeRound(other, authorised) && canSeeResults(other, authorised));
  const points = earlier.map((other) => ({ roundId: other.id, closedAt: other.closedAt!, score: other.summary?.score ?? null }));
  if (!points.some((point) => point.roundId === round.id)) points.push({ roundId: round.id, closedAt: round.closedAt, score: score.score });

  const body: AlignmentRoundResults = {
    roundId: round.id,
    question: round.question,
    closedAt: round.closedAt,
    invited: round.leaderIds.length,
    answered: score.answered,
    score: score.score,
    strategyAgreement: score.strategyAgreement,
    kappa: score.kappa,
    textConsistency: score.textConsistency,
    missionEcho: score.missionEcho,
    parts: score.parts,
    outlierId: score.outlierId,
    leaders: score.leaders.map((leader) => ({
      id: leader.leaderId,
      displayName: nameOf.get(leader.leaderId) ?? 'Former colleague',
      divergence: leader.divergence,
      strategyAgreement: leader.strategyAgreement,
      textSimilarity: leader.textSimilarity,
      rarePicks: refs(leader.rarePicks),
      missedPicks: refs(leader.missedPicks),
      distinctiveTerms: leader.distinctiveTerms,
      missingTerms: leader.missingTerms,
      answer: { text: answerOf.get(leader.leaderId)?.text ?? '', strategies: refs(answerOf.get(leader.leaderId)?.strategyIds ?? []) },
    })),
    trend: roundTrend(points),
  };
  return json(200, body);
});
