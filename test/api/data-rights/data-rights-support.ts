/**
 * What the data-rights tests share: every document of every container as stored (all partitions,
 * shared ones included), fingerprints of one tenant's documents, and a reader for the streamed export.
 */
import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { CONTAINERS, DATABASE_ID, type ContainerName } from '../../../api/src/data/containers.js';
import type { ApiTestStack } from '../support/api-test-stack.js';

export type StoredDocument = Record<string, unknown> & { id: string; tenantId: string; _etag: string };

/** Every document of every container, across partitions: what a full scan of the store finds. */
export async function everyDocument(api: ApiTestStack): Promise<{ container: ContainerName; document: StoredDocument }[]> {
  const cosmos = new CosmosClient({ endpoint: api.stack.cosmos.endpoint, key: api.stack.cosmos.key, agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) });
  try {
    const all: { container: ContainerName; document: StoredDocument }[] = [];
    for (const name of Object.keys(CONTAINERS) as ContainerName[]) {
      const { resources } = await cosmos.database(DATABASE_ID).container(CONTAINERS[name].id).items.readAll<StoredDocument>().fetchAll();
      for (const document of resources) all.push({ container: name, document });
    }
    return all;
  } finally {
    cosmos.dispose();
  }
}

/** The documents that belong to the tenant: its partitions, and shared partitions' documents naming it. */
export async function tenantFingerprint(api: ApiTestStack, tenantId: string): Promise<string[]> {
  const all = await everyDocument(api);
  return all
    .filter(({ document }) => document.tenantId === tenantId || JSON.stringify(document).includes(tenantId))
    .map(({ container, document }) => `${container}/${document.tenantId}/${document.id}/${document._etag}`)
    .sort();
}

/** Which of `needles` appear (case-insensitively) in any stored document, with where. */
export async function findInStore(api: ApiTestStack, needles: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const { container, document } of await everyDocument(api)) {
    const text = JSON.stringify(document).toLowerCase();
    for (const needle of needles) if (text.includes(needle.toLowerCase())) found.push(`${needle} in ${container}/${document.id}`);
  }
  return found;
}

export const withoutSystemFields = (document: Record<string, unknown>) => Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith('_')));

/** Reads a streamed response chunk by chunk; returns the text and how many chunks arrived. */
export async function readStreamed(url: string, token: string): Promise<{ status: number; headers: Headers; text: string; chunks: number }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const decoder = new TextDecoder();
  let text = '';
  let chunks = 0;
  const reader = response.body!.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks += 1;
    text += decoder.decode(read.value, { stream: true });
  }
  return { status: response.status, headers: response.headers, text: text + decoder.decode(), chunks };
}
