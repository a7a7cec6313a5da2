import { auditDocument } from '../data/audit.js';
import type { MomentDocument, StoredMoment } from '../data/moments-repository.js';
import { actorOf, authoriseCaller, requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem, problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json, noContent } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';
import type { Services } from '../services.js';
import { hideMomentSchema } from '../shared/contracts.js';
import { momentViews } from './moments-support.js';

const isVisible = (moment: StoredMoment | undefined): moment is StoredMoment => Boolean(moment && moment.deletedAt === null && moment.hidden === null);
const gone = () => problems.notFound('No such moment, or it was removed.');

function plain(moment: StoredMoment): MomentDocument {
  return Object.fromEntries(Object.entries(moment).filter(([key]) => !key.startsWith('_'))) as unknown as MomentDocument;
}

/** Applies `change` to the moment as read, again on a fresh read if someone changed it meanwhile. */
async function changeMoment(services: Services, tenantId: string, id: string, change: (moment: StoredMoment) => MomentDocument | 'unchanged', audit?: (before: StoredMoment, after: MomentDocument) => Parameters<Services['moments']['replace']>[2]) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const moment = await services.moments.get(tenantId, id);
    if (!isVisible(moment)) return undefined;
    const next = change(moment);
    if (next === 'unchanged') return moment;
    const result = await services.moments.replace(moment, next, audit?.(moment, next) ?? []);
    if (result.status === 'ok') return result.moment;
  }
  throw new Error(`moment ${id} kept changing`);
}

/**
 * DELETE /api/moments/{id} — its author → 204. What stays is a tombstone without the text (it still
 * counts towards the day's limit); If-Match is honoured when sent (412 when stale).
 */
export const momentsDelete = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const moment = await services.moments.get(caller.tenantId, id.value);
  if (!isVisible(moment)) return gone();
  if (moment.authorId !== caller.userId) return problem(403, 'forbidden', 'You are not allowed to do this', { detail: 'Only its author can delete a moment; a Leader can hide it.' });
  const ifMatch = request.headers.get('if-match');
  if (ifMatch && ifMatch !== moment._etag) return problems.staleDocument('moment', plain(moment) as unknown as Record<string, unknown>);
  const now = services.now().toISOString();
  const result = await services.moments.replace(moment, { ...plain(moment), text: '', recognisedUserIds: [], reactionUserIds: [], deletedAt: now });
  if (result.status === 'stale') return problems.staleDocument('moment', plain(moment) as unknown as Record<string, unknown>);
  if (result.status !== 'ok') return gone();
  return noContent();
});

/** POST /api/moments/{id}/hide {reason} — a Leader or Admin → 200; the hiding and its audit entry are one batch. */
export const momentsHide = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const authorised = await requireLeader(services, caller);
  const body = await parseJsonBody(request, hideMomentSchema);
  if (!body.ok) return body.response;
  const actor = actorOf(authorised);
  const at = services.now();
  const hidden = await changeMoment(
    services,
    caller.tenantId,
    id.value,
    (moment) => ({ ...plain(moment), hidden: { by: actor, reason: body.value.reason, at: at.toISOString() } }),
    (before, after) => [
      auditDocument({ tenantId: caller.tenantId, entityType: 'moment', entityId: before.id, action: 'update', actor, at, before, after, note: `hidden: ${body.value.reason}` }),
    ],
  );
  if (!hidden) return gone();
  return json(200, { id: hidden.id, hidden: true, reason: body.value.reason });
});

/** PUT (add) or DELETE (take back) /api/moments/{id}/reactions/me — "seen it too", one per person → 200 moment. */
export const momentsReaction = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const authorised = await authoriseCaller(services, caller);
  const adding = request.method.toUpperCase() === 'PUT';
  const updated = await changeMoment(services, caller.tenantId, id.value, (moment) => {
    const has = moment.reactionUserIds.includes(caller.userId);
    if (has === adding) return 'unchanged';
    const reactionUserIds = adding ? [...moment.reactionUserIds, caller.userId] : moment.reactionUserIds.filter((userId) => userId !== caller.userId);
    return { ...plain(moment), reactionUserIds };
  });
  if (!updated) return gone();
  const [view] = await momentViews(services, authorised, [updated]);
  return json(200, view);
});

/** GET /api/moments/{id} — one visible moment (a notification's deep link opens it); 404 when removed or not the tenant's. */
export const momentsGet = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const moment = await services.moments.get(caller.tenantId, id.value);
  if (!isVisible(moment)) return gone();
  const [view] = await momentViews(services, await authoriseCaller(services, caller), [moment]);
  return json(200, view);
});
