/**
 * Every document a tenant has, container by container, one page at a time with Cosmos continuation
 * tokens (never the whole tenant in memory): the tenant export streams these pages, person erasure and
 * tenant deletion walk them. Besides the tenant's own partition in each container, two shared
 * partitions hold documents of the tenant: its survey links (`survey-links`, by `waveTenantId`) and
 * its industry benchmark contribution (`benchmark:<industry>`, by the id kept in its pulse settings).
 * The deletion log is not tenant data and is never part of this.
 */
import type { Container } from '@azure/cosmos';
import type { CosmosContainers } from './cosmos-client.js';
import type { ContainerName } from './containers.js';
import { SURVEY_LINKS_PARTITION } from './survey-documents.js';
import { PULSE_SETTINGS_ID, type PulseSettingsDocument } from './pulse-documents.js';
import { benchmarkPartition } from './pulse-benchmark.js';

export type StoredDoc = Record<string, unknown> & { id: string; tenantId: string; _etag?: string };

/** The containers holding tenant data, in the order exports list them (tenants first, as the tenant's card). */
export const TENANT_DATA_CONTAINERS = ['tenants', 'directory', 'strategy', 'tasks', 'onboarding', 'alignment', 'pulses', 'idempotency'] as const satisfies readonly ContainerName[];
export type TenantDataContainer = (typeof TENANT_DATA_CONTAINERS)[number];

/** Documents a page for the scans (erasure, personal download, deletion): few round trips, each page well under Cosmos' 4 MB. */
export const DEFAULT_PAGE_SIZE = 1000;

export interface DocumentPage {
  container: TenantDataContainer;
  documents: StoredDoc[];
}

/** One partition's documents (filtered by `filter` too), page by page, each page one round trip. */
async function* partitionPages(container: Container, partitionKey: string, where: string, parameters: { name: string; value: string }[], pageSize: number): AsyncGenerator<StoredDoc[]> {
  let continuationToken: string | undefined;
  do {
    const response = await container.items
      .query<StoredDoc>({ query: `SELECT * FROM c WHERE ${where}`, parameters }, { partitionKey, maxItemCount: pageSize, ...(continuationToken ? { continuationToken } : {}) })
      .fetchNext();
    if (response.resources.length > 0) yield response.resources;
    continuationToken = response.continuationToken;
  } while (continuationToken);
}

/** The tenant's documents in the shared partitions of the pulses container (survey links, benchmark contribution). */
async function* sharedPartitionPages(containers: CosmosContainers, tenantId: string, pageSize: number): AsyncGenerator<StoredDoc[]> {
  yield* partitionPages(containers.pulses, SURVEY_LINKS_PARTITION, 'c.tenantId = @partition AND c.waveTenantId = @tenantId', [
    { name: '@partition', value: SURVEY_LINKS_PARTITION },
    { name: '@tenantId', value: tenantId },
  ], pageSize);
  const { resource: settings } = await containers.pulses.item(PULSE_SETTINGS_ID, tenantId).read<PulseSettingsDocument>();
  if (settings?.industry && settings.benchmarkContributionId) {
    const partition = benchmarkPartition(settings.industry);
    const { resource } = await containers.pulses.item(settings.benchmarkContributionId, partition).read<StoredDoc>();
    if (resource) yield [resource];
  }
}

/** One container's documents of the tenant, a page at a time. */
export async function* containerDocumentPages(containers: CosmosContainers, tenantId: string, name: TenantDataContainer, pageSize = DEFAULT_PAGE_SIZE): AsyncGenerator<StoredDoc[]> {
  // Shared partitions first: the benchmark contribution is found through the tenant's pulse settings.
  if (name === 'pulses') yield* sharedPartitionPages(containers, tenantId, pageSize);
  // The tenant filter repeats the partition key: the embedded server ignores it on queries.
  yield* partitionPages(containers[name], tenantId, 'c.tenantId = @tenantId', [{ name: '@tenantId', value: tenantId }], pageSize);
}

/** Every document of the tenant, a page at a time, container by container. */
export async function* tenantDocumentPages(containers: CosmosContainers, tenantId: string, pageSize = DEFAULT_PAGE_SIZE, names: readonly TenantDataContainer[] = TENANT_DATA_CONTAINERS): AsyncGenerator<DocumentPage> {
  for (const name of names) {
    for await (const documents of containerDocumentPages(containers, tenantId, name, pageSize)) yield { container: name, documents };
  }
}

/** Deletes a document; one that is gone already counts as deleted (so a rerun after a crash goes on). */
export async function deleteIfPresent(container: Container, id: string, partitionKey: string): Promise<void> {
  try {
    await container.item(id, partitionKey).delete();
  } catch (error) {
    if ((error as { code?: unknown }).code !== 404) throw error;
  }
}
