/**
 * Shared steps of the mission-moment routes: the moment as the API answers it (names of the author
 * and of the people recognised, the team, the tag's title), and the 429 of the daily limit.
 *
 * Privacy: a moment is content its author chose to publish to their colleagues, naming the people
 * they recognise; the feed shows it as written, to anyone in the tenant. It shows no figures about
 * people (no counts per person, no ranking): the coaching view counts moments per team only.
 */
import type { HttpResponseInit } from '@azure/functions';
import type { StoredMoment } from '../data/moments-repository.js';
import type { AuthorisedCaller } from '../http/authorise.js';
import { problem } from '../http/problem.js';
import type { Services } from '../services.js';
import { MOMENT_LIMITS, type Moment } from '../shared/contracts.js';

export async function momentViews(services: Services, authorised: AuthorisedCaller, moments: readonly StoredMoment[]): Promise<Moment[]> {
  const tenantId = authorised.caller.tenantId;
  const personIds = [...new Set(moments.flatMap((moment) => [moment.authorId, ...moment.recognisedUserIds]))];
  const needsTeams = moments.some((moment) => moment.teamId);
  const needsStrategies = moments.some((moment) => moment.tag.kind === 'strategy');
  const [people, teams, strategies] = await Promise.all([
    services.directory.listPeopleByIds(tenantId, personIds),
    needsTeams ? services.directory.listTeams(tenantId) : Promise.resolve([]),
    needsStrategies ? services.strategy.listStrategies(tenantId) : Promise.resolve([]),
  ]);
  const nameOf = new Map(people.map((person) => [person.id, person.displayName]));
  const teamName = new Map(teams.map((team) => [team.id, team.name]));
  const titleOf = new Map(strategies.map((strategy) => [strategy.id, strategy.title]));
  const userId = authorised.caller.userId;
  return moments.map((moment) => ({
    id: moment.id,
    text: moment.text,
    author: { id: moment.authorId, displayName: nameOf.get(moment.authorId) ?? 'Former colleague' },
    recognised: moment.recognisedUserIds.map((id) => ({ id, displayName: nameOf.get(id) ?? 'Former colleague' })),
    team: moment.teamId ? { id: moment.teamId, name: teamName.get(moment.teamId) ?? 'Former team' } : null,
    tag: moment.tag.kind === 'value' ? moment.tag : { kind: 'strategy', strategyId: moment.tag.strategyId, title: titleOf.get(moment.tag.strategyId) ?? 'Removed strategy' },
    createdAt: moment.createdAt,
    reactions: moment.reactionUserIds.length,
    reactedByMe: moment.reactionUserIds.includes(userId),
    mine: moment.authorId === userId,
    canHide: authorised.isLeader || authorised.isAdmin,
  }));
}

/** 429 with Retry-After until the next UTC day, when the count starts again. */
export function dailyLimitReached(now: Date): HttpResponseInit {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  const seconds = Math.max(1, Math.ceil((midnight - now.getTime()) / 1000));
  const hours = Math.ceil(seconds / 3600);
  return problem(429, 'moment_limit_reached', 'You have posted today\'s moments', {
    detail: `Each person can post ${MOMENT_LIMITS.perDay} moments a day. You can post again in ${hours === 1 ? 'an hour' : `${hours} hours`} (at midnight UTC).`,
    headers: { 'Retry-After': String(seconds) },
  });
}

export const tagKeyOf = (tag: { kind: 'value'; value: string } | { kind: 'strategy'; strategyId: string }) =>
  tag.kind === 'value' ? `value:${tag.value.toLowerCase()}` : `strategy:${tag.strategyId}`;
