/**
 * What the Idempotency-Key tests share: one create of each kind (a request and how to find what it
 * wrote), keyed requests, and direct access to the idempotency records (to age them like time would).
 */
import { randomUUID } from 'node:crypto';
import type { ContainerName } from '../../../api/src/data/containers.js';
import { idempotencyRecordId } from '../../../api/src/domain/idempotency.js';
import { moduleBody } from '../onboarding/onboarding-test-support.js';
import type { ApiResponse, ApiTestStack } from '../support/api-test-stack.js';
import type { StoredDocument, StoredDocuments } from '../support/stored-documents.js';

/** One kind of create: where it is sent, and which stored documents it produced (found by a unique label). */
export interface CreateKind {
  kind: string;
  path: string;
  container: ContainerName;
  body(label: string): unknown;
  isMine(document: StoredDocument, label: string): boolean;
}

export const CREATE_KINDS: CreateKind[] = [
  {
    kind: 'task',
    path: '/api/me/tasks',
    container: 'tasks',
    body: (label) => ({ title: label, strategyId: null, howItServes: '' }),
    isMine: (document, label) => document.title === label && document.type === undefined,
  },
  {
    kind: 'strategy',
    path: '/api/strategies',
    container: 'strategy',
    body: (label) => ({ title: label }),
    isMine: (document, label) => document.type === 'strategy' && document.title === label,
  },
  {
    kind: 'team',
    path: '/api/teams',
    container: 'directory',
    body: (label) => ({ name: label }),
    isMine: (document, label) => document.type === 'team' && document.name === label,
  },
  {
    kind: 'module',
    path: '/api/modules',
    container: 'onboarding',
    body: (label) => moduleBody(label),
    isMine: (document, label) => document.type === 'module' && (document.content as { title?: string } | undefined)?.title === label,
  },
  {
    kind: 'cohort',
    path: '/api/cohorts',
    container: 'onboarding',
    body: (label) => ({ name: label }),
    isMine: (document, label) => document.type === 'cohort' && document.name === label,
  },
];

/** A label no other test uses (titles and names are at most 80 characters for cohorts). */
export const uniqueLabel = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;

export function keyed<T = unknown>(api: ApiTestStack, token: string, path: string, json: unknown, key: string | undefined): Promise<ApiResponse<T>> {
  return api.request<T>('POST', path, { token, json, headers: key === undefined ? {} : { 'idempotency-key': key } });
}

export async function mine(store: StoredDocuments, kind: CreateKind, tenantId: string, label: string): Promise<StoredDocument[]> {
  return (await store.list(kind.container, tenantId)).filter((document) => kind.isMine(document, label));
}

/** The record of a user's key, as stored. */
export async function recordOf(store: StoredDocuments, tenantId: string, userId: string, key: string): Promise<StoredDocument | undefined> {
  const { resource } = await store.container('idempotency').item(idempotencyRecordId(userId, key), tenantId).read<StoredDocument>();
  return resource;
}

/** Rewrites a stored record (e.g. to make it expired, or to look like a run that crashed). */
export async function rewriteRecord(store: StoredDocuments, tenantId: string, userId: string, key: string, change: (record: StoredDocument) => StoredDocument): Promise<void> {
  const record = await recordOf(store, tenantId, userId, key);
  if (!record) throw new Error(`No idempotency record for key ${key}`);
  await store.container('idempotency').item(record.id, tenantId).replace(change(record));
}

/** The stored answer of a response, as a replay must repeat it. */
export const answerOf = (response: ApiResponse) => ({ status: response.status, text: response.text, etag: response.headers.get('etag'), location: response.headers.get('location') });
