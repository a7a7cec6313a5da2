import { momentFeedSchema, momentOptionsSchema, momentSchema, type CreateMomentInput, type Moment, type MomentFeed, type MomentOptions } from '@contracts';
import { z } from 'zod';
import type { ApiClient } from '../../../app/api-client';

export interface FeedFilters {
  value?: string;
  strategyId?: string;
  teamId?: string;
  personId?: string;
}

export function loadFeed(client: ApiClient, filters: FeedFilters, cursor?: string, signal?: AbortSignal): Promise<MomentFeed> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  if (cursor) query.set('cursor', cursor);
  const search = query.toString();
  return client.request(`/api/moments${search ? `?${search}` : ''}`, momentFeedSchema, { signal });
}

export const loadOptions = (client: ApiClient, signal?: AbortSignal): Promise<MomentOptions> => client.request('/api/moments/options', momentOptionsSchema, { signal });

export const postMoment = (client: ApiClient, input: CreateMomentInput): Promise<Moment> => client.request('/api/moments', momentSchema, { method: 'POST', body: input });

export const deleteMoment = (client: ApiClient, id: string) => client.send(`/api/moments/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const hideMoment = (client: ApiClient, id: string, reason: string) =>
  client.request(`/api/moments/${encodeURIComponent(id)}/hide`, z.object({ id: z.string(), hidden: z.literal(true) }), { method: 'POST', body: { reason } });

export const react = (client: ApiClient, id: string, seen: boolean): Promise<Moment> =>
  client.request(`/api/moments/${encodeURIComponent(id)}/reactions/me`, momentSchema, { method: seen ? 'PUT' : 'DELETE' });

export const loadMoment = (client: ApiClient, id: string, signal?: AbortSignal): Promise<Moment> => client.request(`/api/moments/${encodeURIComponent(id)}`, momentSchema, { signal });
