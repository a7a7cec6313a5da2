/**
 * Every rejected request answers problem+json with field paths, and leaves the tasks container
 * exactly as it was (same ids, same etags).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS, problemSchema, taskSchema, type Problem, type Task } from '../../../api/src/shared/contracts.js';
import { CONTOSO_IDS, FABRIKAM_IDS, startApiTestStack, type ApiResponse, type ApiTestStack } from '../support/api-test-stack.js';

let api: ApiTestStack;
let ben: string;
let bensTask: Task;
let before: Awaited<ReturnType<ApiTestStack['storedTasks']>>;

beforeAll(async () => {
  api = await startApiTestStack();
  ben = await api.tokenFor(CONTOSO_IDS.tenant, CONTOSO_IDS.people.ben);
  const tasks = (await api.request<{ tasks: Task[] }>('GET', '/api/me/tasks', { token: ben })).body.tasks;
  bensTask = taskSchema.parse(tasks[0]);
});
afterAll(async () => {
  await api?.close();
});
beforeEach(async () => {
  before = await api.storedTasks(CONTOSO_IDS.tenant);
});

async function expectRejected(response: ApiResponse, status: number, code: string, paths?: string[]): Promise<Problem> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  const problem = problemSchema.parse(response.body);
  expect(problem).toMatchObject({ status, code, type: `https://lineofsight.app/problems/${code}` });
  if (paths) expect(problem.errors?.map((error) => error.path).sort()).toEqual([...paths].sort());
  expect(await api.storedTasks(CONTOSO_IDS.tenant)).toEqual(before);
  return problem;
}

const post = (init: Parameters<ApiTestStack['request']>[2]) => api.request('POST', '/api/me/tasks', { token: ben, ...init });
const patch = (id: string, init: Parameters<ApiTestStack['request']>[2]) =>
  api.request('PATCH', `/api/me/tasks/${id}`, { token: ben, ...init, headers: { 'if-match': bensTask.etag, ...init?.headers } });

describe('request body checks', () => {
  it('rejects malformed JSON (400)', async () => {
    await expectRejected(await post({ body: '{"title": "Half a', headers: { 'content-type': 'application/json' } }), 400, 'malformed_json');
  });

  it('rejects a body that is not application/json (415)', async () => {
    await expectRejected(await post({ body: 'title=Hello', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported_media_type');
    await expectRejected(await post({ body: '{"title":"Hello"}' }), 415, 'unsupported_media_type');
  });

  it('rejects a body over the size limit (413), by declared length and by actual bytes', async () => {
    const huge = JSON.stringify({ title: 'x'.repeat(LIMITS.maxBodyBytes + 10) });
    await expectRejected(await post({ body: huge, headers: { 'content-type': 'application/json' } }), 413, 'payload_too_large');
    // Chunked: no Content-Length, so only counting the bytes catches it.
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(huge));
        controller.close();
      },
    });
    const response = await fetch(`${api.url}/api/me/tasks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ben}`, 'content-type': 'application/json' },
      body: chunked,
      duplex: 'half',
    } as RequestInit);
    const text = await response.text();
    await expectRejected({ status: response.status, headers: response.headers, body: JSON.parse(text), text }, 413, 'payload_too_large');
  });
});

describe('field validation', () => {
  it('rejects unknown fields, each at its own path', async () => {
    await expectRejected(await post({ json: { title: 'Fine', ownerId: CONTOSO_IDS.people.aisha, tenantId: FABRIKAM_IDS.tenant } }), 400, 'validation_failed', ['ownerId', 'tenantId']);
  });

  it('rejects over-long strings', async () => {
    await expectRejected(
      await post({ json: { title: 't'.repeat(LIMITS.taskTitle + 1), strategyId: CONTOSO_IDS.strategies.onTime, howItServes: 'h'.repeat(LIMITS.howItServes + 1) } }),
      400,
      'validation_failed',
      ['title', 'howItServes'],
    );
  });

  it('rejects a missing or blank title', async () => {
    await expectRejected(await post({ json: { strategyId: null } }), 400, 'validation_failed', ['title']);
    await expectRejected(await post({ json: { title: '   ' } }), 400, 'validation_failed', ['title']);
  });

  it('rejects a link without the sentence saying how the task serves the strategy', async () => {
    await expectRejected(await post({ json: { title: 'Linked', strategyId: CONTOSO_IDS.strategies.onTime } }), 400, 'validation_failed', ['howItServes']);
    // A PATCH that links an unlinked task must bring the sentence too.
    const unlinked = (await api.request<{ tasks: Task[] }>('GET', '/api/me/tasks', { token: ben })).body.tasks.find((task) => task.strategyId === null && task.howItServes === '');
    expect(unlinked).toBeDefined();
    const response = await api.request('PATCH', `/api/me/tasks/${unlinked?.id}`, {
      token: ben,
      headers: { 'if-match': unlinked?.etag ?? '' },
      json: { strategyId: CONTOSO_IDS.strategies.onTime },
    });
    await expectRejected(response, 400, 'validation_failed', ['howItServes']);
  });

  it('rejects a strategyId that is not a current strategy of the caller\u2019s tenant', async () => {
    const how = { title: 'Linked', howItServes: 'It helps.' };
    await expectRejected(await post({ json: { ...how, strategyId: 'c0a70003-0000-4000-8000-000000000999' } }), 400, 'validation_failed', ['strategyId']);
    await expectRejected(await post({ json: { ...how, strategyId: FABRIKAM_IDS.strategies.coldChain } }), 400, 'validation_failed', ['strategyId']);
    await expectRejected(await post({ json: { ...how, strategyId: CONTOSO_IDS.strategies.lyon } }), 400, 'validation_failed', ['strategyId']);
    await expectRejected(await post({ json: { ...how, strategyId: 'organisation' } }), 400, 'validation_failed', ['strategyId']);
    await expectRejected(await patch(bensTask.id, { json: { strategyId: FABRIKAM_IDS.strategies.coldChain } }), 400, 'validation_failed', ['strategyId']);
  });

  it('rejects a badly formed strategyId', async () => {
    await expectRejected(await post({ json: { title: 'Linked', howItServes: 'x', strategyId: '../../etc' } }), 400, 'validation_failed', ['strategyId']);
  });

  it('rejects an empty PATCH and control characters', async () => {
    await expectRejected(await patch(bensTask.id, { json: {} }), 400, 'validation_failed');
    await expectRejected(await patch(bensTask.id, { json: { title: 'Bell\u0007' } }), 400, 'validation_failed', ['title']);
  });

  it.each([
    ['a bad character', 'not%20an%20id'],
    ['a too-long id', 'a'.repeat(LIMITS.id + 1)],
  ])('rejects a route id with %s (400 at path id)', async (_label, id) => {
    await expectRejected(await patch(id, { json: { title: 'x' } }), 400, 'validation_failed', ['id']);
    await expectRejected(await api.request('DELETE', `/api/me/tasks/${id}`, { token: ben }), 400, 'validation_failed', ['id']);
  });

  it('refuses writes without a valid token before looking at the body', async () => {
    await expectRejected(await api.request('POST', '/api/me/tasks', { json: { title: 'Anonymous' } }), 401, 'missing_token');
    await expectRejected(await api.request('POST', '/api/me/tasks', { token: 'garbage', json: { title: 'Forged' } }), 401, 'invalid_token');
  });
});
