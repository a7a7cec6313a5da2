import { insightsSchema, type Insights } from '@contracts';
import type { ApiClient } from '../../../app/api-client';

/** Leaders get the organisation and every team; everyone else only their own and their team's view. */
export function loadInsights(client: ApiClient, signal?: AbortSignal): Promise<Insights> {
  return client.request('/api/insights', insightsSchema, { signal });
}
