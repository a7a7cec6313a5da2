import { channelTeamSchema, momentFeedSchema, teamLineOfSightSchema, teamListSchema, teamTaskPageSchema, type MomentFeed, type Team, type TeamLineOfSight, type TeamTask } from '@contracts';
import { ApiError, type ApiClient } from '../../../app/api-client';
import { listQueryString } from '../../../components/list-query';
import type { FetchPage } from '../../../components/use-paged-search';

export interface ChannelApi {
  teams(signal?: AbortSignal): Promise<Team[]>;
  /** Links the Teams channel to the app's team (Leader of that team, or Admin). */
  linkChannel(team: Team, link: { teamsTeamId: string; channelId: string }): Promise<void>;
  /** The app team this channel is linked to, or null when it isn't linked (yet). */
  teamOfChannel(channelId: string, signal?: AbortSignal): Promise<string | null>;
  teamLineOfSight(teamId: string, signal?: AbortSignal): Promise<TeamLineOfSight>;
  /** One list of the team's tasks as this tab shows it — a strategy's (by id) or 'unlinked' — searched and paged on the server. */
  teamTasksPage(teamId: string, list: string): FetchPage<TeamTask>;
  /** The latest mission moments recognising the team or its people. */
  teamMoments(teamId: string, signal?: AbortSignal): Promise<MomentFeed>;
}

export function createChannelApi(client: ApiClient): ChannelApi {
  return {
    teams: async (signal) => (await client.request('/api/teams', teamListSchema, { signal })).teams,
    linkChannel: (team, link) =>
      client.send(`/api/teams/${encodeURIComponent(team.id)}/channel`, { method: 'PUT', body: link, ifMatch: team.etag }),
    teamOfChannel: async (channelId, signal) => {
      try {
        return (await client.request(`/api/channels/${encodeURIComponent(channelId)}/team`, channelTeamSchema, { signal })).teamId;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    teamLineOfSight: (teamId, signal) =>
      client.request(`/api/teams/${encodeURIComponent(teamId)}/line-of-sight`, teamLineOfSightSchema, { signal }),
    teamTasksPage: (teamId, list) => async (params, signal) => {
      const query = `${listQueryString(params)}&strategyId=${encodeURIComponent(list)}`;
      const page = await client.request(`/api/teams/${encodeURIComponent(teamId)}/tasks?${query}`, teamTaskPageSchema, { signal });
      return { items: page.tasks, nextCursor: page.nextCursor };
    },
    teamMoments: (teamId, signal) => client.request(`/api/moments?teamId=${encodeURIComponent(teamId)}&limit=5`, momentFeedSchema, { signal }),
  };
}
