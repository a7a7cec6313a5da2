/**
 * Logs and spans carry tenant ids, trace ids, routes and counts, never what people wrote: a realistic
 * flow with seeded personal text (a task title and how it serves, a recognition, a bad request that
 * quotes the text, an error report, an unhandled error whose message quotes it) is run, and everything
 * logged and every span is scanned for that text.
 */
import type { InvocationContext } from '@azure/functions';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runInTelemetryScope } from '../../../api/src/telemetry/request-scope.js';
import { logUnhandledError } from '../../../api/src/telemetry/log.js';
import { CONTOSO_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';
import { installTestTelemetry } from './telemetry-test-support.js';

const telemetry = installTestTelemetry();
const SECRETS = ['Zanzibar-ledger-7731', 'Quietly-fixing-Hugo-payroll', 'Thank-you-Farid-for-the-night-shift', 'Renamed-plan-Okapi-4411'];
const logged: string[] = [];
let api: ApiTestStack;

beforeAll(async () => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map((arg) => (arg instanceof Error ? `${arg.message}\n${arg.stack}` : typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')));
  }
  api = await startApiTestStack();
});
afterAll(async () => {
  vi.restoreAllMocks();
  await api?.close();
});

const { tenant, people } = CONTOSO_IDS;

describe('what is logged and traced', () => {
  it('holds no text a person wrote, and names the tenant', async () => {
    const token = await api.tokenFor(tenant, people.hugo);
    const created = await api.request<{ id: string; etag: string }>('POST', '/api/me/tasks', { token, json: { title: SECRETS[0], howItServes: SECRETS[1] } });
    expect(created.status).toBe(201);
    const updated = await api.request('PATCH', `/api/me/tasks/${created.body.id}`, { token, json: { title: SECRETS[3] }, headers: { 'if-match': created.body.etag } });
    expect(updated.status).toBe(200);
    // Bad input that quotes the text back in its field errors.
    expect((await api.request('POST', '/api/me/tasks', { token, json: { title: `${SECRETS[0]} ${'x'.repeat(600)}` } })).status).toBe(400);
    const moment = await api.request('POST', '/api/moments', { token, json: { text: SECRETS[2], recognisedUserIds: [people.farid], tag: { kind: 'value', value: 'say it plainly' } } });
    expect([201, 200]).toContain(moment.status);
    expect((await api.request('POST', '/api/client-errors', { token, json: { kind: 'unhandled', name: 'TypeError' } })).status).toBe(202);

    // An unhandled error whose message quotes the text, logged as the handler wrapper logs it.
    const context = { functionName: 'me-tasks-create', error: (...args: unknown[]) => void logged.push(args.map(String).join(' ')) } as unknown as InvocationContext;
    runInTelemetryScope({ operation: '/api/me/tasks', tenantId: tenant, requestCharge: 0 }, () => logUnhandledError(context, new Error(`Could not save "${SECRETS[0]}"`)));

    const everything = [
      ...logged,
      ...telemetry.spans().map((span) => JSON.stringify({ name: span.name, attributes: span.attributes, events: span.events })),
    ].join('\n');
    expect(logged.length).toBeGreaterThan(0);
    for (const secret of SECRETS) expect(everything, secret).not.toContain(secret);

    const records = logged.flatMap((line) => [...line.matchAll(/\{"event":.*\}/g)].map((match) => JSON.parse(match[0]) as Record<string, unknown>));
    expect(records.map((record) => record.event)).toEqual(expect.arrayContaining(['client_error', 'unhandled_error']));
    for (const record of records) expect(record.tenantId).toBe(tenant);
    expect(telemetry.spans().filter((span) => span.attributes['http.route'] === '/api/me/tasks').every((span) => span.attributes['los.tenant.id'] === tenant)).toBe(true);
  });
});
