import { myCoachingSchema, teamsComparisonSchema, type MyCoaching, type TeamsComparison } from '@contracts';
import type { ApiClient } from '../../../app/api-client';

export const loadMyCoaching = (client: ApiClient, signal?: AbortSignal): Promise<MyCoaching> => client.request('/api/coaching/me', myCoachingSchema, { signal });

export const loadTeamsComparison = (client: ApiClient, signal?: AbortSignal): Promise<TeamsComparison> => client.request('/api/coaching/teams', teamsComparisonSchema, { signal });
