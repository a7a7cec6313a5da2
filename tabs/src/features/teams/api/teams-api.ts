import {
  editableStrategyMapSchema,
  teamListSchema,
  teamMembersSchema,
  teamTaskListSchema,
  teamTaskPageSchema,
  type EditableStrategy,
  type TeamMembers,
  type Team,
  type TeamTask,
} from '@contracts';
import { z } from 'zod';
import type { ApiClient } from '../../../app/api-client';
import { listQueryString } from '../../../components/list-query';
import type { FetchPage } from '../../../components/use-paged-search';

const teamPath = (id: string) => `/api/teams/${encodeURIComponent(id)}`;
const anything = z.unknown();

export interface TeamsApi {
  teams(signal?: AbortSignal): Promise<Team[]>;
  /** Active strategies in order, for mapping and re-mapping. */
  strategies(signal?: AbortSignal): Promise<EditableStrategy[]>;
  createTeam(name: string): Promise<void>;
  /** Rename and/or map to strategies; If-Match with the team's etag. */
  updateTeam(team: Pick<Team, 'id'>, changes: { name?: string; strategyIds?: string[] }, etag: string): Promise<void>;
  tasks(teamId: string, signal?: AbortSignal): Promise<TeamTask[]>;
  /** Links the team to a Microsoft 365 group or team in Teams; If-Match with the team's etag. */
  linkGroup(team: Pick<Team, 'id'>, groupId: string, etag: string): Promise<void>;
  unlinkGroup(team: Pick<Team, 'id'>, etag: string): Promise<void>;
  /** The team's people and where each membership came from (Leader of the team / Admin). */
  members(teamId: string, signal?: AbortSignal): Promise<TeamMembers['members']>;
  linkTask(teamId: string, task: TeamTask, link: { strategyId: string; howItServes: string }): Promise<void>;
  /** All or nothing: a stale task answers 412 listing the stale ids, and nothing is written. */
  remapTasks(teamId: string, tasks: TeamTask[], link: { strategyId: string; howItServes: string }): Promise<void>;
}

/** GET /api/teams/{id}/tasks?q=&limit=&cursor= as a page for the shared paged list (no team: nothing). */
export const teamTasksPage =
  (client: ApiClient, teamId: string | undefined): FetchPage<TeamTask> =>
  async (params, signal) => {
    if (!teamId) return { items: [], nextCursor: null };
    const page = await client.request(`${teamPath(teamId)}/tasks?${listQueryString(params)}`, teamTaskPageSchema, { signal });
    return { items: page.tasks, nextCursor: page.nextCursor };
  };

export function createTeamsApi(client: ApiClient): TeamsApi {
  return {
    teams: async (signal) => (await client.request('/api/teams', teamListSchema, { signal })).teams,
    strategies: async (signal) =>
      (await client.request('/api/strategy-map', editableStrategyMapSchema, { signal })).strategies
        .filter((s) => s.status === 'active')
        .sort((a, b) => a.order - b.order),
    createTeam: (name) => client.request('/api/teams', anything, { method: 'POST', body: { name } }).then(() => undefined),
    updateTeam: (team, changes, etag) => client.send(teamPath(team.id), { method: 'PATCH', body: changes, ifMatch: etag }),
    tasks: async (teamId, signal) => (await client.request(`${teamPath(teamId)}/tasks`, teamTaskListSchema, { signal })).tasks,
    linkGroup: (team, groupId, etag) => client.send(`${teamPath(team.id)}/group`, { method: 'PUT', body: { groupId }, ifMatch: etag }),
    unlinkGroup: (team, etag) => client.send(`${teamPath(team.id)}/group`, { method: 'DELETE', ifMatch: etag }),
    members: async (teamId, signal) => (await client.request(`${teamPath(teamId)}/members`, teamMembersSchema, { signal })).members,
    linkTask: (teamId, task, link) =>
      client.send(`${teamPath(teamId)}/tasks/${encodeURIComponent(task.id)}/link`, { method: 'PATCH', body: link, ifMatch: task.etag }),
    remapTasks: (teamId, tasks, link) =>
      client.send(`${teamPath(teamId)}/tasks/remap`, {
        method: 'POST',
        body: { tasks: tasks.map(({ id, etag }) => ({ id, etag })), ...link },
      }),
  };
}
