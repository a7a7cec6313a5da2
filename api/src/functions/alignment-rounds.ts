import type { AlignmentRoundDocument } from '../data/alignment-round-repository.js';
import { mergeRoles } from '../http/authorise.js';
import { actorOf, authoriseCaller, requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem, problems, type FieldError } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';
import { alignmentInvitedContent, roundDeepLink } from '../notifications/notification-content.js';
import { enqueueNotifications } from '../notifications/outbox.js';
import { createRoundSchema, DEFAULT_ROUND_QUESTION, ROUND_LIMITS } from '../shared/contracts.js';
import { canSeeRound, closeRound, isOpen, notVisible, roundClosed, roundView, settledRound, visibleRound } from './alignment-round-support.js';
import { startDrain, teamsAppId } from './onboarding-support.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const ROUNDS_LISTED = 50;

/**
 * POST /api/alignment-rounds {question?, leaderIds, closesAt} — Leader/Admin → 201 round (open).
 * Every invited person must be a Leader or Admin of this tenant; each gets one invitation (outbox,
 * idempotency key per round and leader, so a retried request queues nothing twice).
 */
export const alignmentRoundsCreate = authenticatedHandler(async ({ request, caller, services, newId }) => {
  const authorised = await requireLeader(services, caller);
  const body = await parseJsonBody(request, createRoundSchema);
  if (!body.ok) return body.response;
  const { tenantId } = caller;
  const now = services.now();
  const closesAt = new Date(body.value.closesAt);
  const errors: FieldError[] = [];
  if (closesAt.getTime() <= now.getTime()) errors.push({ path: 'closesAt', message: 'Pick a closing date in the future' });
  if (closesAt.getTime() > now.getTime() + ROUND_LIMITS.maxOpenDays * DAY_MS) errors.push({ path: 'closesAt', message: `Close the round within ${ROUND_LIMITS.maxOpenDays} days` });
  const people = new Map((await services.directory.listPeopleByIds(tenantId, body.value.leaderIds)).map((person) => [person.id, person]));
  body.value.leaderIds.forEach((leaderId, index) => {
    const person = people.get(leaderId);
    const roles = person ? mergeRoles(person.roles, person.grantedRoles) : [];
    if (!person) errors.push({ path: `leaderIds.${index}`, message: 'No such person in your organisation' });
    else if (!roles.includes('Leader') && !roles.includes('Admin')) errors.push({ path: `leaderIds.${index}`, message: `${person.displayName} is not a leader` });
  });
  if (errors.length > 0) return problems.validation(errors);

  const round: AlignmentRoundDocument = {
    id: newId('alignmentRound'),
    tenantId,
    type: 'alignmentRound',
    question: body.value.question ?? DEFAULT_ROUND_QUESTION,
    leaderIds: body.value.leaderIds,
    answeredLeaderIds: [],
    closesAt: closesAt.toISOString(),
    createdAt: now.toISOString(),
    createdBy: actorOf(authorised),
    closedAt: null,
    closedBy: null,
    summary: null,
  };
  const result = await services.alignmentRounds.create(round);
  // A conflict is this very create re-run after a crash (a derived id): carry on with what it wrote.
  const saved = result.status === 'ok' ? result.round : result.status === 'conflict' ? await services.alignmentRounds.get(tenantId, round.id) : undefined;
  if (!saved || saved.createdBy.id !== caller.userId) throw new Error(`alignment round create failed: ${result.status}`);

  const closesOn = saved.closesAt.slice(0, 10);
  const webUrl = roundDeepLink(teamsAppId(), saved.id);
  await enqueueNotifications(
    services.outbox,
    tenantId,
    saved.leaderIds.map((leaderId) => ({
      recipientUserId: leaderId,
      kind: 'alignmentInvite' as const,
      assignmentId: saved.id,
      idempotencyKey: `alignment:${saved.id}:${leaderId}:invited`,
      chainKey: `alignment:${saved.id}:invited`,
      content: alignmentInvitedContent(saved.question, closesOn, webUrl),
    })),
    now,
  );
  startDrain(services, tenantId);
  return json(201, await roundView(services, saved, authorised), { Location: `/api/alignment-rounds/${saved.id}` });
});

/** GET /api/alignment-rounds — the rounds the caller was invited to, created, or (Admin) all; newest first. */
export const alignmentRoundsList = authenticatedHandler(async ({ caller, services }) => {
  const authorised = await authoriseCaller(services, caller);
  const stored = (await services.alignmentRounds.list(caller.tenantId, ROUNDS_LISTED)).filter((round) => canSeeRound(round, authorised));
  const rounds = [];
  for (const round of stored) rounds.push(await roundView(services, await settledRound(services, round), authorised));
  return json(200, { rounds });
});

/** GET /api/alignment-rounds/{id} — the round, who has answered; no answer text, ever, from this route. */
export const alignmentRoundsGet = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const authorised = await authoriseCaller(services, caller);
  const round = await visibleRound(services, authorised, id.value);
  if (!round) return notVisible();
  return json(200, await roundView(services, await settledRound(services, round), authorised));
});

/** POST /api/alignment-rounds/{id}/close — its creator or an Admin → 200 round (closed, scored); 409 if already closed. */
export const alignmentRoundsClose = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const authorised = await authoriseCaller(services, caller);
  const round = await visibleRound(services, authorised, id.value);
  if (!round) return notVisible();
  if (!authorised.isAdmin && round.createdBy.id !== caller.userId) {
    return problem(403, 'forbidden', 'You are not allowed to do this', { detail: 'Only the person who opened the round or an Admin can close it.' });
  }
  if (!isOpen(round, services.now())) {
    await settledRound(services, round);
    return roundClosed();
  }
  const closed = await closeRound(services, round, actorOf(authorised));
  return json(200, await roundView(services, closed, authorised));
});
