/**
 * The tab's API client and the OpenAPI document agree: every call any feature's api module makes
 * is a documented route and method, and where the tab parses an answer, it relies on no field the
 * document does not promise for that route (most use the very schema the document is built from).
 * The api modules are run against a recording client, so the calls are the ones the tab really makes.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import '../../api/src/index.js';
import { registeredRoutes } from '../../api/src/http/route-table.js';
import { jsonSchemaOf } from '../../api/src/openapi/openapi-document.js';
import { isSchema, type Schema } from '../../api/src/openapi/route-doc.js';
import { ROUTE_DOCS } from '../../api/src/openapi/route-docs.js';
import type { ApiClient, RequestOptions } from '../../tabs/src/app/api-client.js';

interface Call {
  method: string;
  path: string;
  schema?: Schema;
  from: string;
}

/** Stands for any argument: a string where one is needed, an object with any field, never a promise. */
const anything: unknown = new Proxy(() => anything, {
  get: (_target, key) => {
    if (key === Symbol.toPrimitive || key === 'toString' || key === 'toJSON') return () => 'x1';
    if (key === 'then') return undefined;
    if (key === Symbol.iterator) return function* () {};
    return anything;
  },
  apply: () => anything,
  ownKeys: () => [],
});

function recordingClient(calls: Call[], from: string): ApiClient {
  const record = (path: string, options: RequestOptions = {}, schema?: Schema) => calls.push({ method: options.method ?? 'GET', path: path.split('?')[0]!, schema, from });
  return {
    request: (path, schema, options) => (record(path, options, schema), Promise.resolve(anything)) as never,
    send: (path, options) => (record(path, options), Promise.resolve()),
    download: (path, options) => (record(path, options), Promise.resolve({ blob: new Blob(), filename: null })),
  };
}

/** Calls every function an api module exports (factories' methods and objects' methods too) with a recording client. */
async function callsOf(file: string, module: Record<string, unknown>): Promise<Call[]> {
  const calls: Call[] = [];
  const client = recordingClient(calls, file);
  const attempt = async (fn: (...args: unknown[]) => unknown, args: unknown[]) => {
    try {
      await fn(...args);
    } catch {
      // Helpers that are not API calls (e.g. parsing a file) may refuse made-up arguments.
    }
  };
  const callAll = async (methods: Record<string, unknown>, withClient: boolean) => {
    for (const method of Object.values(methods)) {
      if (typeof method === 'function') await attempt(method as never, withClient ? [client, anything, anything, anything] : [anything, anything, anything]);
    }
  };
  for (const [name, value] of Object.entries(module)) {
    if (typeof value === 'function' && /^create\w*Api$/.test(name)) await callAll((value as (c: ApiClient) => Record<string, unknown>)(client), false);
    else if (typeof value === 'function') await attempt(value as never, [client, anything, anything, anything]);
    else if (value && typeof value === 'object') await callAll(value as Record<string, unknown>, true);
  }
  return calls;
}

const featuresDir = fileURLToPath(new URL('../../tabs/src/features', import.meta.url));
const apiFiles = readdirSync(featuresDir).flatMap((feature) => {
  try {
    return readdirSync(join(featuresDir, feature, 'api')).map((file) => join(featuresDir, feature, 'api', file));
  } catch {
    return [];
  }
});

const routes = registeredRoutes().map((route) => ({ ...route, pattern: new RegExp(`^/api/${route.route.replace(/\{\w+\}/g, '[^/]+')}$`), literal: route.route.split('/').filter((s) => !s.startsWith('{')).length }));
const routeOf = (call: Call) => routes.filter((route) => route.pattern.test(call.path) && route.methods.includes(call.method)).sort((a, b) => b.literal - a.literal)[0];

type Json = { type?: string | string[]; properties?: Record<string, Json>; items?: Json; anyOf?: Json[]; additionalProperties?: unknown };
/** The fields the tab's schema reads are all in the documented answer (recursively through objects and arrays). */
function readsOnlyDocumented(tab: Json, doc: Json, at = ''): string[] {
  if (doc.anyOf) return doc.anyOf.some((branch) => readsOnlyDocumented(tab, branch, at).length === 0) ? [] : [`${at || '(root)'}: in no documented variant`];
  if (tab.anyOf) return tab.anyOf.flatMap((branch) => (branch.type === 'null' ? [] : readsOnlyDocumented(branch, doc, at)));
  if (tab.properties) {
    if (!doc.properties) return doc.additionalProperties === undefined && doc.type === 'object' ? [] : [`${at || '(root)'}: documented without fields`];
    return Object.entries(tab.properties).flatMap(([key, schema]) =>
      doc.properties![key] ? readsOnlyDocumented(schema, doc.properties![key]!, `${at}.${key}`) : [`${at}.${key}: not in the document`],
    );
  }
  if (tab.items && doc.items) return readsOnlyDocumented(tab.items, doc.items, `${at}[]`);
  return [];
}

describe("the tab's API client and the OpenAPI document", () => {
  it('every call the tab makes is a documented route and method, and reads only documented fields', async () => {
    expect(apiFiles.length).toBeGreaterThan(14);
    const calls = (await Promise.all(apiFiles.map(async (file) => callsOf(file, (await import(file)) as Record<string, unknown>)))).flat();
    expect(calls.length).toBeGreaterThan(80);
    const problems: string[] = [];
    for (const call of calls) {
      const route = routeOf(call);
      if (!route) {
        problems.push(`${call.from}: ${call.method} ${call.path} is not a documented route`);
        continue;
      }
      if (!call.schema) continue;
      const documented = Object.entries(ROUTE_DOCS[route.name]!.responses).filter(([status, schema]) => Number(status) < 300 && isSchema(schema));
      if (documented.some(([, schema]) => schema === call.schema)) continue;
      const tab = jsonSchemaOf(call.schema, 'output') as Json;
      const mismatches = documented.map(([, schema]) => readsOnlyDocumented(tab, jsonSchemaOf(schema as Schema, 'output') as Json));
      if (documented.length === 0 || mismatches.every((found) => found.length > 0)) problems.push(`${call.from}: ${call.method} ${call.path} ${mismatches.flat().join('; ') || 'has no documented JSON answer'}`);
    }
    expect(problems).toEqual([]);
    // Most of the tab parses answers with the very schema the document is built from.
    const routesCalled = new Set(calls.map((call) => routeOf(call)?.name));
    expect(routesCalled.size).toBeGreaterThan(70);
  });

  it('catches a tab call to a route that does not exist, and a field the document does not promise', () => {
    expect(routeOf({ method: 'GET', path: '/api/me/secret-things', from: 'x' })).toBeUndefined();
    expect(routeOf({ method: 'DELETE', path: '/api/insights', from: 'x' })).toBeUndefined();
    expect(routeOf({ method: 'GET', path: '/api/teams/compare', from: 'x' })?.name).toBe('teams-compare-get');
    const doc = jsonSchemaOf(z.object({ teams: z.array(z.object({ id: z.string() })) }), 'output') as Json;
    expect(readsOnlyDocumented(jsonSchemaOf(z.object({ teams: z.array(z.object({ id: z.string(), secret: z.string() })) }), 'output') as Json, doc)).toEqual(['.teams[].secret: not in the document']);
    expect(readsOnlyDocumented(jsonSchemaOf(z.object({ teams: z.array(z.object({ id: z.string() })) }), 'output') as Json, doc)).toEqual([]);
  });
});
