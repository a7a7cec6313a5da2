import { channelTeamSchema, momentFeedSchema, teamLineOfSightSchema, teamListSchema, type MomentFeed, type Team, type TeamLineOfSight } from '@contracts';
import { ApiError, type ApiClient } from '../../../app/api-client';

export interface ChannelApi {
  teams(signal?: AbortSignal): Promise<Team[]>;
  /** Links the Teams channel to the app's team (Leader of that team, or Admin). */
  linkChannel(team: Team, link: { teamsTeamId: string; channelId: string }): Promise<void>;
  /** The app team this channel is linked to, or null when it isn't linked (yet). */
  teamOfChannel(channelId: string, signal?: AbortSignal): Promise<string | null>;
  teamLineOfSight(teamId: string, signal?: AbortSignal): Promise<TeamLineOfSight>;
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
    teamMoments: (teamId, signal) => client.request(`/api/moments?teamId=${encodeURIComponent(teamId)}&limit=5`, momentFeedSchema, { signal }),
  };
}
