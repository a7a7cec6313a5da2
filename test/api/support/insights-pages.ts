/**
 * GET /api/insights page by page (issue 13: a Leader's or Admin's answer details one page of teams):
 * every page's teams in order, each page checked against the contract and the first page's figures.
 */
import { expect } from 'vitest';
import { leaderInsightsSchema, type Insights } from '../../../api/src/shared/contracts.js';
import type { ApiTestStack } from './api-test-stack.js';

type OrganisationInsights = Extract<Insights, { scope: 'organisation' }>;

const sameOnEveryPage = ({ organisation, teamCount, actionableTeamIds }: OrganisationInsights) => ({
  organisation: { ...organisation, unlinkedTasks: { total: organisation.unlinkedTasks.total, hidden: organisation.unlinkedTasks.hidden, shown: organisation.unlinkedTasks.items.length } },
  teamCount,
  actionableTeamIds,
});

export async function everyInsightsPage(api: ApiTestStack, token: string, { q = '', limit = 100 }: { q?: string; limit?: number } = {}): Promise<{ first: OrganisationInsights; teams: OrganisationInsights['teams']; pages: number }> {
  let cursor: string | null = null;
  let first: OrganisationInsights | undefined;
  const teams: OrganisationInsights['teams'] = [];
  let pages = 0;
  do {
    const params = new URLSearchParams({ q, limit: String(limit), ...(cursor ? { cursor } : {}) });
    const response = await api.request('GET', `/api/insights?${params.toString()}`, { token });
    expect(response.status).toBe(200);
    const page = leaderInsightsSchema.parse(response.body);
    expect(page.teams.length).toBeLessThanOrEqual(limit);
    // Every page answers the same organisation figures and count; only the teams move on. (Which
    // unlinked tasks the organisation's list names follows the store's order over the owners read.)
    if (first) expect(sameOnEveryPage(page)).toEqual(sameOnEveryPage(first));
    first ??= page;
    teams.push(...page.teams);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor !== null);
  return { first, teams, pages };
}
