import { insightsSchema, type Insights } from '@contracts';
import type { ApiClient } from '../../../app/api-client';
import { listQueryString } from '../../../components/list-query';
import type { FetchPage, PageParams } from '../../../components/use-paged-search';

type TeamAlignment = Extract<Insights, { scope: 'organisation' }>['teams'][number];

/** Teams per page of the organisation view (the server's default page, list-contracts.ts). */
export const TEAM_PAGE_SIZE = 25;

/**
 * Leaders get the organisation and one page of teams (by name, `q` searches team names); everyone
 * else only their own and their team's view.
 */
export function loadInsights(client: ApiClient, signal?: AbortSignal, params: PageParams = { q: '', cursor: null, limit: TEAM_PAGE_SIZE }): Promise<Insights> {
  return client.request(`/api/insights?${listQueryString(params)}`, insightsSchema, { signal });
}

/** Pages of teams for the organisation view; the first unsearched page is the one the view loaded with. */
export const insightsTeamPages =
  (client: ApiClient, first: Insights | undefined): FetchPage<TeamAlignment> =>
  async (params, signal) => {
    const insights = !params.q && !params.cursor && first ? first : await loadInsights(client, signal, params);
    return insights.scope === 'organisation' ? { items: insights.teams, nextCursor: insights.nextCursor } : { items: [], nextCursor: null };
  };
