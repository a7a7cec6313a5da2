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
import { remapAuditId, remapIdOf, type TaskBefore } from '../domain/remap-notices.js';
import type { StoredTask } from '../data/team-tasks-repository.js';

export interface RelinkRequest {
  teamId: string;
  tasks: readonly { id: string; etag: string }[];
  strategyId: string;
  howItServes: string;
  /**
   * The bulk re-map's: the same re-map sent again after it committed (a retry after a crash, a
   * double click) answers what it did instead of 412, so its notifications can still be queued once.
   */
  answerRepeat?: boolean;
}

/** What was re-mapped: its identity, the strategy's title and the tasks as they were before. */
export interface RemapDone {
  id: string;
  strategyTitle: string;
  before: TaskBefore[];
}

export type RelinkOutcome =
  | { ok: true; tasks: TeamTask[]; remap: RemapDone }
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
  const remapId = remapIdOf(input);
  const strategyTitle = strategies.find((strategy) => strategy.id === input.strategyId)?.title ?? '';
  const repeat = async (current: readonly StoredTask[]): Promise<RelinkOutcome | undefined> => {
    if (!input.answerRepeat) return undefined;
    const before = await committedBefore(services, tenantId, remapId, current);
    return before && { ok: true, tasks: toTeamTasks(current, members), remap: { id: remapId, strategyTitle, before } };
  };
  const ordered = input.tasks.flatMap((task) => found.get(task.id) ?? []);
  if (stale.length > 0) {
    return (await repeat(ordered)) ?? { ok: false, stale: { staleIds: stale.map((task) => task.id), tasks: toTeamTasks(stale, members) } };
  }

  const result = await services.teamTasks.relink(tenantId, ordered, input.strategyId, input.howItServes, actorOf(access.authorised), (taskId) => remapAuditId(remapId, taskId));
  if (result.status === 'stale') {
    const now = new Map((await services.teamTasks.getMany(tenantId, ordered.map((task) => task.id))).map((task) => [task.id, task]));
    const current = ordered.flatMap((task) => now.get(task.id) ?? []);
    return (await repeat(current)) ?? { ok: false, stale: { staleIds: result.staleIds, tasks: toTeamTasks(result.current, members) } };
  }
  const before = ordered.map(({ id, ownerId, strategyId, howItServes }) => ({ id, ownerId, strategyId, howItServes }));
  return { ok: true, tasks: toTeamTasks(result.tasks, members), remap: { id: remapId, strategyTitle, before } };
}

/**
 * The tasks as they were before this re-map when it already committed (its audit entries exist, one
 * per task) and nobody changed them since; undefined otherwise, and then the request is simply stale.
 */
async function committedBefore(services: Services, tenantId: string, remapId: string, current: readonly StoredTask[]): Promise<TaskBefore[] | undefined> {
  const audits = await services.teamTasks.auditsByIds(tenantId, current.map((task) => remapAuditId(remapId, task.id)));
  const byTask = new Map(audits.map((audit) => [audit.entityId, audit]));
  const before: TaskBefore[] = [];
  for (const task of current) {
    const audit = byTask.get(task.id);
    const after = audit?.after as Partial<StoredTask> | null | undefined;
    const prior = audit?.before as Partial<StoredTask> | null | undefined;
    if (!after || !prior || after.updatedAt !== task.updatedAt || after.strategyId !== task.strategyId || after.howItServes !== task.howItServes) return undefined;
    before.push({ id: task.id, ownerId: task.ownerId, strategyId: prior.strategyId ?? null, howItServes: prior.howItServes ?? '' });
  }
  return before.length > 0 ? before : undefined;
}

/** 412 for a re-map: nothing was written; `current` lists the stale ids and those tasks as they are now. */
export function staleTasksProblem(stale: { staleIds: string[]; tasks: TeamTask[] }): HttpResponseInit {
  return problem(412, 'precondition_failed', 'Some tasks changed since you loaded them', {
    detail: `Nothing was changed. Reload these tasks and try again: ${stale.staleIds.join(', ')}.`,
    current: stale,
  });
}
