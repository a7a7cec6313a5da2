import { teamListSchema, type Team } from '@contracts';
import { myPulsesSchema, pulseListSchema, pulseResultsSchema, pulseSchema, type CreatePulseInput, type MyPulses, type Pulse, type PulseList, type PulseResults, type PulseResponseInput } from '@pulse-contracts';
import { z } from 'zod';
import type { ApiClient } from '../../../app/api-client';

const part = encodeURIComponent;

export const pulsesApi = {
  mine: (client: ApiClient, signal?: AbortSignal): Promise<MyPulses> => client.request('/api/me/pulses', myPulsesSchema, { signal }),
  all: (client: ApiClient, signal?: AbortSignal): Promise<PulseList> => client.request('/api/pulses', pulseListSchema, { signal }),
  teams: async (client: ApiClient, signal?: AbortSignal): Promise<Team[]> => (await client.request('/api/teams', teamListSchema, { signal })).teams,
  open: (client: ApiClient, body: CreatePulseInput): Promise<Pulse> => client.request('/api/pulses', pulseSchema, { method: 'POST', body }),
  close: (client: ApiClient, id: string): Promise<Pulse> => client.request(`/api/pulses/${part(id)}/close`, pulseSchema, { method: 'POST' }),
  answer: (client: ApiClient, id: string, body: PulseResponseInput): Promise<unknown> =>
    client.request(`/api/pulses/${part(id)}/responses`, z.object({ recorded: z.literal(true) }), { method: 'POST', body }),
  results: (client: ApiClient, id: string, signal?: AbortSignal): Promise<PulseResults> => client.request(`/api/pulses/${part(id)}/results`, pulseResultsSchema, { signal }),
};
