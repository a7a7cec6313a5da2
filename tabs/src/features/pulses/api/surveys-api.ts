import { surveyResultsSchema, surveyWaveSchema, type SurveyResults, type SurveyWave } from '@survey-contracts';
import { z } from 'zod';
import type { ApiClient } from '../../../app/api-client';

const part = encodeURIComponent;

export const surveysApi = {
  list: async (client: ApiClient, signal?: AbortSignal): Promise<SurveyWave[]> => (await client.request('/api/surveys', z.object({ waves: z.array(surveyWaveSchema) }), { signal })).waves,
  create: (client: ApiClient, title: string): Promise<SurveyWave> => client.request('/api/surveys', surveyWaveSchema, { method: 'POST', body: { title } }),
  revoke: (client: ApiClient, id: string): Promise<SurveyWave> => client.request(`/api/surveys/${part(id)}/revoke`, surveyWaveSchema, { method: 'POST' }),
  results: (client: ApiClient, id: string): Promise<SurveyResults> => client.request(`/api/surveys/${part(id)}/results`, surveyResultsSchema),
  qr: (client: ApiClient, id: string) => client.download(`/api/surveys/${part(id)}/qr`),
};
