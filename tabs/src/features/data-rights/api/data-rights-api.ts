import { personErasureResultSchema, tenantDeletionStatusSchema, type TenantDeletionRequest } from '@data-rights-contracts';
import type { ApiClient } from '../../../app/api-client';

/** The "Your data" area's calls: the person's own download, the tenant's export and deletion (Admins). */
export const dataRightsApi = {
  downloadMine: (client: ApiClient) => client.download('/api/me/data-export'),
  exportTenant: (client: ApiClient) => client.download('/api/tenant/export'),
  deletionStatus: (client: ApiClient, signal?: AbortSignal) => client.request('/api/tenant/deletion', tenantDeletionStatusSchema, { signal }),
  scheduleDeletion: (client: ApiClient, body: TenantDeletionRequest) => client.request('/api/tenant/deletion', tenantDeletionStatusSchema, { method: 'POST', body }),
  erasePerson: (client: ApiClient, userId: string, etag: string) =>
    client.request(`/api/people/${encodeURIComponent(userId)}/erase`, personErasureResultSchema, { method: 'POST', body: {}, ifMatch: etag }),
  cancelDeletion: (client: ApiClient, etag: string) => client.request('/api/tenant/deletion/cancel', tenantDeletionStatusSchema, { method: 'POST', body: {}, ifMatch: etag }),
};

/** Saves a downloaded file the way the browser saves any download. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
