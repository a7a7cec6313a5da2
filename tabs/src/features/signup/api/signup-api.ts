import {
  consentCheckSchema,
  consentLinkSchema,
  importResultSchema,
  signupDraftSchema,
  signupFinishedSchema,
  signupGroupsSchema,
  signupStatusSchema,
  type UpdateSignupInput,
} from '@contracts';
import type { ApiClient } from '../../../app/api-client';

/** The sign-up routes, for a tenant that has not onboarded yet (api/src/functions/signup-*.ts). */
export function createSignupApi(client: ApiClient) {
  return {
    status: (signal?: AbortSignal) => client.request('/api/signup', signupStatusSchema, signal ? { signal } : {}),
    start: () => client.request('/api/signup', signupDraftSchema, { method: 'POST', body: {} }),
    update: (etag: string, changes: UpdateSignupInput) => client.request('/api/signup', signupDraftSchema, { method: 'PUT', body: changes, ifMatch: etag }),
    consentLink: (redirectUri: string) => client.request('/api/signup/consent-link', consentLinkSchema, { method: 'POST', body: { redirectUri } }),
    checkConsent: () => client.request('/api/signup/consent-check', consentCheckSchema, { method: 'POST', body: {} }),
    groups: (search: string) => client.request(`/api/signup/groups${search ? `?search=${encodeURIComponent(search)}` : ''}`, signupGroupsSchema),
    importStrategies: (file: { contentType: string; text: string }, apply?: { etag: string }) =>
      client.request(`/api/signup/strategies/import?dryRun=${apply ? 'false' : 'true'}`, importResultSchema, { method: 'POST', rawBody: file, ...(apply ? { ifMatch: apply.etag } : {}) }),
    finish: (etag: string) => client.request('/api/signup/finish', signupFinishedSchema, { method: 'POST', body: {}, ifMatch: etag }),
  };
}

export type SignupApi = ReturnType<typeof createSignupApi>;
