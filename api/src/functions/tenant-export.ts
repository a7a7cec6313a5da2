import { Readable } from 'node:stream';
import { withoutSystemFields } from '../domain/data-rights-erasure.js';
import { containerDocumentPages, TENANT_DATA_CONTAINERS } from '../data/tenant-documents.js';
import type { CosmosContainers } from '../data/cosmos-client.js';
import { requireAdmin } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { API_SECURITY_HEADERS } from '../http/security-headers.js';

/** Documents per Cosmos page. */
export const TENANT_EXPORT_PAGE_SIZE = 500;
let pageSize = TENANT_EXPORT_PAGE_SIZE;
/** Tests make pages small to prove the export pages (the local stack runs in the test's process). */
export function setTenantExportPageSizeForTests(size: number = TENANT_EXPORT_PAGE_SIZE): void {
  pageSize = size;
}

/**
 * The export as JSON text pieces: `{"kind":…,"tenantId":…,"exportedAt":…,"containers":{"tenants":[…],…},"complete":true}`.
 * One Cosmos page at a time, so the tenant is never in memory; `complete` comes last, so a reader can
 * tell a whole file from one cut short by an error mid-way (the status is sent before the first page).
 */
export async function* tenantExportChunks(containers: CosmosContainers, tenantId: string, exportedAt: string, pageSize: number): AsyncGenerator<string> {
  yield `{"kind":"line-of-sight-tenant-export","tenantId":${JSON.stringify(tenantId)},"exportedAt":${JSON.stringify(exportedAt)},"containers":{`;
  for (const [index, name] of TENANT_DATA_CONTAINERS.entries()) {
    yield `${index === 0 ? '' : ','}${JSON.stringify(name)}:[`;
    let first = true;
    for await (const documents of containerDocumentPages(containers, tenantId, name, pageSize)) {
      const text = documents.map((document) => JSON.stringify(withoutSystemFields(document))).join(',');
      yield (first ? '' : ',') + text;
      first = false;
    }
    yield ']';
  }
  yield '},"complete":true}';
}

/** A Node stream of the pieces: the next Cosmos page is read only when the client has taken the previous one. */
function streamOf(chunks: AsyncGenerator<string>): Readable {
  return Readable.from((async function* () {
    for await (const chunk of chunks) yield Buffer.from(chunk, 'utf8');
  })(), { objectMode: false, highWaterMark: 64 * 1024 });
}

/**
 * GET /api/tenant/export (Admin): every document of the tenant in every container, streamed as JSON
 * (Cosmos system fields left out). Expensive (rate-limit class).
 */
export const tenantExport = authenticatedHandler(async ({ caller, services }) => {
  await requireAdmin(services, caller);
  const exportedAt = services.now().toISOString();
  const day = exportedAt.slice(0, 10);
  return {
    status: 200,
    headers: {
      ...API_SECURITY_HEADERS,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="line-of-sight-tenant-${day}.json"`,
    },
    body: streamOf(tenantExportChunks(services.containers, caller.tenantId, exportedAt, pageSize)),
  };
});
