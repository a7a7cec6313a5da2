import {
  momentOptionsSchema,
  myRoundAnswerSchema,
  roundListSchema,
  roundResultsSchema,
  roundSchema,
  type AlignmentRound,
  type AlignmentRoundResults,
  type CreateRoundInput,
  type MomentOptions,
  type MyRoundAnswer,
  type RoundAnswerInput,
} from '@contracts';
import { ApiError, type ApiClient } from '../../../app/api-client';

export const listRounds = (client: ApiClient, signal?: AbortSignal) => client.request('/api/alignment-rounds', roundListSchema, { signal });

export const loadRound = (client: ApiClient, id: string, signal?: AbortSignal): Promise<AlignmentRound> =>
  client.request(`/api/alignment-rounds/${encodeURIComponent(id)}`, roundSchema, { signal });

export const openRound = (client: ApiClient, input: CreateRoundInput): Promise<AlignmentRound> =>
  client.request('/api/alignment-rounds', roundSchema, { method: 'POST', body: input });

export const closeRound = (client: ApiClient, id: string): Promise<AlignmentRound> =>
  client.request(`/api/alignment-rounds/${encodeURIComponent(id)}/close`, roundSchema, { method: 'POST' });

/** The caller's own answer, or null before they answer. */
export async function loadMyAnswer(client: ApiClient, id: string, signal?: AbortSignal): Promise<MyRoundAnswer | null> {
  try {
    return await client.request(`/api/alignment-rounds/${encodeURIComponent(id)}/answers/me`, myRoundAnswerSchema, { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export const saveMyAnswer = (client: ApiClient, id: string, input: RoundAnswerInput, etag?: string): Promise<MyRoundAnswer> =>
  client.request(`/api/alignment-rounds/${encodeURIComponent(id)}/answers/me`, myRoundAnswerSchema, { method: 'PUT', body: input, ...(etag ? { ifMatch: etag } : {}) });

export const loadResults = (client: ApiClient, id: string, signal?: AbortSignal): Promise<AlignmentRoundResults> =>
  client.request(`/api/alignment-rounds/${encodeURIComponent(id)}/results`, roundResultsSchema, { signal });

/** Colleagues (who leads), values and active strategies. */
export const loadPickOptions = (client: ApiClient, signal?: AbortSignal): Promise<MomentOptions> => client.request('/api/moments/options', momentOptionsSchema, { signal });
