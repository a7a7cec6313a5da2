import type { MomentDocument } from '../data/moments-repository.js';
import { authoriseCaller, mergeRoles } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { decodeCursor, pageOf } from '../http/paging.js';
import { problems, type FieldError } from '../http/problem.js';
import { fieldErrorsFrom, parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { momentDeepLink, momentRecognisedContent } from '../notifications/notification-content.js';
import { enqueueNotifications } from '../notifications/outbox.js';
import { createMomentSchema, MOMENT_LIMITS, momentFeedQuerySchema, type MomentOptions } from '../shared/contracts.js';
import { dailyLimitReached, momentViews, tagKeyOf } from './moments-support.js';
import { startDrain, teamsAppId } from './onboarding-support.js';

/** Team members notified when a whole team is recognised (the first of them, by id). */
const TEAM_NOTIFY_CAP = 100;

/**
 * POST /api/moments {text, recognisedUserIds, teamId?, tag} — anyone → 201 moment. The people and
 * the team must be of the caller's tenant and the tag one of its values or active strategies. At most
 * MOMENT_LIMITS.perDay per person per UTC day (429). Everyone recognised (and a recognised team's
 * people) gets one notification, except the author.
 */
export const momentsCreate = authenticatedHandler(async ({ request, caller, services, newId }) => {
  const authorised = await authoriseCaller(services, caller);
  const body = await parseJsonBody(request, createMomentSchema);
  if (!body.ok) return body.response;
  const { tenantId, userId } = caller;
  const { text, recognisedUserIds, teamId, tag } = body.value;

  const errors: FieldError[] = [];
  const [people, team, organisation, strategies] = await Promise.all([
    services.directory.listPeopleByIds(tenantId, recognisedUserIds),
    teamId ? services.directory.getTeam(tenantId, teamId) : Promise.resolve(undefined),
    tag.kind === 'value' ? services.strategy.getOrganisation(tenantId) : Promise.resolve(undefined),
    tag.kind === 'strategy' ? services.strategy.listStrategies(tenantId) : Promise.resolve([]),
  ]);
  const known = new Map(people.map((person) => [person.id, person]));
  // Mentions resolve only to people of the caller's own tenant (the lookup is in its partition).
  recognisedUserIds.forEach((id, index) => {
    if (!known.has(id)) errors.push({ path: `recognisedUserIds.${index}`, message: 'No such person in your organisation' });
    else if (id === userId) errors.push({ path: `recognisedUserIds.${index}`, message: 'Recognise a colleague, not yourself' });
  });
  if (teamId && !team) errors.push({ path: 'teamId', message: 'No such team in your organisation' });
  if (tag.kind === 'value' && !organisation?.values.some((value) => value.name.toLowerCase() === tag.value.toLowerCase())) {
    errors.push({ path: 'tag.value', message: 'Pick one of your organisation\'s values' });
  }
  if (tag.kind === 'strategy' && !strategies.some((strategy) => strategy.id === tag.strategyId && strategy.status === 'active')) {
    errors.push({ path: 'tag.strategyId', message: 'Pick one of the active strategies' });
  }
  if (errors.length > 0) return problems.validation(errors);

  const now = services.now();
  const canonicalTag = tag.kind === 'value' ? { kind: 'value' as const, value: organisation!.values.find((value) => value.name.toLowerCase() === tag.value.toLowerCase())!.name } : tag;
  const teamMembers = teamId ? await services.teams.listMembers(tenantId, teamId) : [];
  const moment: MomentDocument = {
    id: newId('moment'),
    tenantId,
    type: 'moment',
    authorId: userId,
    text,
    recognisedUserIds,
    teamId,
    recognisedTeamIds: [...new Set([...(teamId ? [teamId] : []), ...people.flatMap((person) => (person.teamId ? [person.teamId] : []))])],
    tag: canonicalTag,
    tagKey: tagKeyOf(canonicalTag),
    createdAt: now.toISOString(),
    deletedAt: null,
    hidden: null,
    reactionUserIds: [],
  };

  let saved;
  for (let attempt = 0; attempt < 4 && !saved; attempt++) {
    const quota = await services.moments.getQuota(tenantId, userId, moment.createdAt.slice(0, 10));
    if ((quota?.count ?? 0) >= MOMENT_LIMITS.perDay) return dailyLimitReached(now);
    const result = await services.moments.create(moment, quota);
    if (result.status === 'ok') saved = result.moment;
    // A conflict on the moment is this very create re-run after a crash (a derived id).
    else if (result.status === 'conflict') saved = await services.moments.get(tenantId, moment.id);
  }
  if (!saved) throw new Error('moment create kept losing the race for the daily count');

  const recipients = [...new Set([...recognisedUserIds, ...teamMembers.map((member) => member.id).sort().slice(0, TEAM_NOTIFY_CAP)])].filter((id) => id !== userId);
  const tagLabel = canonicalTag.kind === 'value' ? canonicalTag.value : strategies.find((strategy) => strategy.id === canonicalTag.strategyId)!.title;
  const webUrl = momentDeepLink(teamsAppId(), saved.id);
  await enqueueNotifications(
    services.outbox,
    tenantId,
    recipients.map((recipientUserId) => ({
      recipientUserId,
      kind: 'momentRecognised' as const,
      assignmentId: saved.id,
      idempotencyKey: `moment:${saved.id}:${recipientUserId}`,
      chainKey: `moment:${saved.id}`,
      content: momentRecognisedContent(tagLabel, text, webUrl),
    })),
    now,
  );
  startDrain(services, tenantId);
  const [view] = await momentViews(services, authorised, [saved]);
  return json(201, view, { Location: `/api/moments/${saved.id}` });
});

/** GET /api/moments?value=|strategyId=&teamId=&personId=&limit=&cursor= — the tenant's visible moments, newest first. */
export const momentsList = authenticatedHandler(async ({ request, caller, services }) => {
  const raw = Object.fromEntries([...request.query.entries()]);
  const parsed = momentFeedQuerySchema.safeParse(raw);
  if (!parsed.success) return problems.validation(fieldErrorsFrom(parsed.error));
  const { value, strategyId, teamId, personId, limit, cursor } = parsed.data;
  const after = cursor ? decodeCursor(cursor) : undefined;
  if (cursor && !after) return problems.validation([{ path: 'cursor', message: 'Not a cursor this list gave out' }]);
  const authorised = await authoriseCaller(services, caller);
  const tagKey = value ? tagKeyOf({ kind: 'value', value }) : strategyId ? tagKeyOf({ kind: 'strategy', strategyId }) : undefined;
  const stored = await services.moments.feed(caller.tenantId, { ...(tagKey ? { tagKey } : {}), ...(teamId ? { teamId } : {}), ...(personId ? { personId } : {}) }, after, limit + 1);
  const page = pageOf(stored.map((moment) => Object.assign(moment, { at: moment.createdAt })), limit);
  return json(200, { moments: await momentViews(services, authorised, page.items), next: page.next });
});

/** GET /api/moments/options — colleagues (name, team, whether they lead), teams, values, active strategies. */
export const momentsOptions = authenticatedHandler(async ({ caller, services }) => {
  const [people, teams, organisation, strategies] = await Promise.all([
    services.directory.listPeople(caller.tenantId),
    services.directory.listTeams(caller.tenantId),
    services.strategy.getOrganisation(caller.tenantId),
    services.strategy.listStrategies(caller.tenantId),
  ]);
  const body: MomentOptions = {
    people: people
      .map((person) => {
        const roles = mergeRoles(person.roles, person.grantedRoles);
        return { id: person.id, displayName: person.displayName, teamId: person.teamId, leads: roles.includes('Leader') || roles.includes('Admin') };
      })
      .sort((a, b) => a.displayName.localeCompare(b.displayName)),
    teams: teams.map((team) => ({ id: team.id, name: team.name })).sort((a, b) => a.name.localeCompare(b.name)),
    values: organisation?.values.map((value) => value.name) ?? [],
    strategies: strategies.filter((strategy) => strategy.status === 'active').sort((a, b) => a.order - b.order).map((strategy) => ({ id: strategy.id, title: strategy.title })),
  };
  return json(200, body);
});
