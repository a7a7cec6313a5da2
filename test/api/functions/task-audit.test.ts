/**
 * Every change to a task carries its audit entry in the same transactional batch: one entry per
 * accepted create, edit and delete (who, when, before/after), and none for a refused request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditDocument } from '../../../api/src/data/audit.js';
import { taskSchema } from '../../../api/src/shared/contracts.js';
import { TEST_EPOCH } from '../../support/clock.js';
import { CONTOSO_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';

const { tenant, people, strategies } = CONTOSO_IDS;
let api: ApiTestStack;
let ben: string;
beforeAll(async () => {
  api = await startApiTestStack();
  ben = await api.tokenFor(tenant, people.ben);
});
afterAll(async () => api?.close());

async function entriesFor(taskId: string): Promise<AuditDocument[]> {
  const documents = await api.storedDocuments<AuditDocument>('tasks', tenant);
  return documents.filter((doc) => doc.type === 'audit' && doc.entityId === taskId).sort((a, b) => a.at.localeCompare(b.at));
}

describe('task audit', () => {
  it('logs create, edit and delete once each, with who, when and the task before and after', async () => {
    const created = taskSchema.parse((await api.request('POST', '/api/me/tasks', { token: ben, json: { title: 'Audit me', strategyId: null, howItServes: '' } })).body);
    const edited = await api.request('PATCH', `/api/me/tasks/${created.id}`, {
      token: ben, headers: { 'if-match': created.etag }, json: { strategyId: strategies.onTime, howItServes: 'Keeps the window.' },
    });
    expect(edited.status).toBe(200);
    const removed = await api.request('DELETE', `/api/me/tasks/${created.id}`, { token: ben, headers: { 'if-match': taskSchema.parse(edited.body).etag } });
    expect(removed.status).toBe(204);

    const entries = await entriesFor(created.id);
    expect(entries.map((entry) => [entry.entityType, entry.action, entry.actor.id])).toEqual([
      ['task', 'create', people.ben],
      ['task', 'update', people.ben],
      ['task', 'delete', people.ben],
    ]);
    expect(entries[0]).toMatchObject({ before: null, after: { title: 'Audit me', ownerId: people.ben, strategyId: null } });
    expect(entries[1]).toMatchObject({ before: { strategyId: null }, after: { strategyId: strategies.onTime, howItServes: 'Keeps the window.' } });
    expect(entries[2]).toMatchObject({ before: { strategyId: strategies.onTime }, after: null });
    // Stamped by the API's clock, and free of Cosmos system fields.
    expect(entries.every((entry) => entry.at >= TEST_EPOCH && entry.at < '2026-03-03')).toBe(true);
    expect(Object.keys(entries[1]!.after!)).not.toContain('_etag');
  });

  it('writes no entry for a refused create, a stale edit or a stale delete', async () => {
    const created = taskSchema.parse((await api.request('POST', '/api/me/tasks', { token: ben, json: { title: 'Kept as is', strategyId: null, howItServes: '' } })).body);
    const before = await api.storedDocuments('tasks', tenant);

    expect((await api.request('POST', '/api/me/tasks', { token: ben, json: { title: '', strategyId: null, howItServes: '' } })).status).toBe(400);
    expect((await api.request('PATCH', `/api/me/tasks/${created.id}`, { token: ben, headers: { 'if-match': '"stale"' }, json: { title: 'Changed' } })).status).toBe(412);
    expect((await api.request('DELETE', `/api/me/tasks/${created.id}`, { token: ben, headers: { 'if-match': '"stale"' } })).status).toBe(412);

    const after = await api.storedDocuments('tasks', tenant);
    expect(after.map((doc) => [doc.id, doc._etag]).sort()).toEqual(before.map((doc) => [doc.id, doc._etag]).sort());
    expect(await entriesFor(created.id)).toHaveLength(1);
  });
});
