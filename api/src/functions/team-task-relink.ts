/**
 * The steps a single and a bulk re-map share: the tasks must belong to the team's members
 * (else not found, like any id the caller may not see), the strategy must be active, and every
 * etag the leader sent must still be current — all checked before anything is written.
 */
import type { HttpResponseInit } from '@azure/functions';
import type { Caller } from '../auth/verify-token.js';
import { strategyMappingErrors, toTeamTasks } from '../domain/team-views.js';
import { problem, problems } from '../http/problem.js';
import type { Services } from '../services.js';
import type { TeamTask } from '../shared/contracts.js';
import { teamForLeader } from './team-access.js';
import { actorOf } from '../http/authorise.js';

export interface RelinkRequest {
  teamId: string;
  tasks: readonly { id: string; etag: string }[];
  strategyId: string;
  howItServes: string;
}

export type RelinkOutcome =
  | { ok: true; tasks: TeamTask[] }
  | { ok: false; response: HttpResponseInit }
  | { ok: false; stale: { staleIds: string[]; tasks: TeamTask[] } };

export async function relinkTeamTasks(services: Services, caller: Caller, input: RelinkRequest): Promise<RelinkOutcome> {
  const { tenantId } = caller;
  const access = await teamForLeader(services, caller, input.teamId);
  if (!access.ok) return { ok: false, response: problems.notFound() };
  const [members, stored, strategies] = await Promise.all([
    services.teams.listMembers(tenantId, input.teamId),
    services.teamTasks.getMany(tenantId, input.tasks.map((task) => task.id)),
    services.strategy.listStrategies(tenantId),
  ]);
  const memberIds = new Set(members.map((member) => member.id));
  const found = new Map(stored.filter((task) => memberIds.has(task.ownerId)).map((task) => [task.id, task]));
  const missing = input.tasks.filter((task) => !found.has(task.id)).map((task) => task.id);
  if (missing.length > 0) {
    return { ok: false, response: problems.notFound(`Not tasks of this team: ${missing.join(', ')}.`) };
  }
  const errors = strategyMappingErrors([input.strategyId], strategies, () => 'strategyId');
  if (errors.length > 0) return { ok: false, response: problems.validation(errors) };

  const stale = input.tasks.flatMap((task) => {
    const current = found.get(task.id);
    return current && current._etag !== task.etag ? [current] : [];
  });
  if (stale.length > 0) return { ok: false, stale: { staleIds: stale.map((task) => task.id), tasks: toTeamTasks(stale, members) } };

  const ordered = input.tasks.flatMap((task) => found.get(task.id) ?? []);
  const result = await services.teamTasks.relink(tenantId, ordered, input.strategyId, input.howItServes, actorOf(access.authorised));
  if (result.status === 'stale') return { ok: false, stale: { staleIds: result.staleIds, tasks: toTeamTasks(result.current, members) } };
  return { ok: true, tasks: toTeamTasks(result.tasks, members) };
}

/** 412 for a re-map: nothing was written; `current` lists the stale ids and those tasks as they are now. */
export function staleTasksProblem(stale: { staleIds: string[]; tasks: TeamTask[] }): HttpResponseInit {
  return problem(412, 'precondition_failed', 'Some tasks changed since you loaded them', {
    detail: `Nothing was changed. Reload these tasks and try again: ${stale.staleIds.join(', ')}.`,
    current: stale,
  });
}
