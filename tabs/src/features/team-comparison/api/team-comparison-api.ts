import { teamComparisonSchema, type BenchmarkSettings, type TeamComparison } from '@pulse-contracts';
import { z } from 'zod';
import type { ApiClient } from '../../../app/api-client';

export const teamComparisonApi = {
  load: (client: ApiClient, signal?: AbortSignal): Promise<TeamComparison> => client.request('/api/teams/compare', teamComparisonSchema, { signal }),
  exportCsv: (client: ApiClient) => client.download('/api/teams/compare/export'),
  setBenchmark: (client: ApiClient, body: BenchmarkSettings) => client.request('/api/settings/benchmark', z.object({ optIn: z.boolean() }).passthrough(), { method: 'PUT', body }),
};
