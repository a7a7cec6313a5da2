/**
 * The OpenAPI 3.1 document, built from the registered routes and the zod schemas that the handlers
 * and the tab already share. zod 4 writes JSON Schema 2020-12 itself (`z.toJSONSchema`), which is
 * OpenAPI 3.1's schema dialect, so no converter library sits between the contract and the document.
 * Pure: same routes and docs in, same document out.
 */
import { z } from 'zod';
import { problemSchema } from '../shared/contracts.js';
import type { RegisteredRoute } from '../http/route-table.js';
import { ERROR_STATUSES, isSchema, type RouteDoc, type RouteDocs, type Schema } from './route-doc.js';

export const OPENAPI_VERSION = '3.1.0';
type JsonSchema = Record<string, unknown>;

/** A schema as JSON Schema; requests are described as they are sent (`input`), answers as they are sent back (`output`). */
export function jsonSchemaOf(schema: Schema, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}


/** `me/tasks/{id}` → `/me/tasks/{id}` (the server's base is /api). */
export const openApiPath = (route: string) => `/${route.replace(/^\/+/, '')}`;

const pathParameters = (route: string) =>
  [...route.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));

function queryParameters(doc: RouteDoc) {
  if (!doc.query) return [];
  const schema = jsonSchemaOf(doc.query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: property }));
}

function headerParameters(doc: RouteDoc, method: string) {
  const headers: object[] = [];
  if (doc.ifMatch) {
    headers.push({ name: 'If-Match', in: 'header', required: doc.ifMatch === 'required', schema: { type: 'string' }, description: 'The ETag last seen: 428 without it, 412 when it is stale' });
  }
  if (method === 'post') {
    headers.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 }, description: 'A retry with the same key answers the first response and writes nothing' });
  }
  return headers;
}

function requestBody(doc: RouteDoc) {
  if (!doc.body) return undefined;
  if (isSchema(doc.body)) return { required: true, content: { 'application/json': { schema: jsonSchemaOf(doc.body, 'input') } } };
  return { required: true, description: doc.body.description, content: Object.fromEntries(doc.body.contentType.split(' or ').map((type) => [type, { schema: { type: 'string' } }])) };
}

function mediaSchema(type: string, json: Schema | undefined): object {
  if (type === 'application/problem+json') return { $ref: '#/components/schemas/Problem' };
  if (type === 'application/json') return json ? jsonSchemaOf(json, 'output') : { type: 'object' };
  return { type: 'string' };
}

function responses(doc: RouteDoc) {
  const documented: Record<string, object> = {};
  for (const [status, response] of Object.entries(doc.responses)) {
    if (response === null) documented[status] = { description: 'No content' };
    else if (isSchema(response)) documented[status] = { description: 'OK', content: { 'application/json': { schema: jsonSchemaOf(response, 'output') } } };
    else documented[status] = { description: response.description, content: Object.fromEntries(response.contentType.split(' or ').map((type) => [type, { schema: mediaSchema(type, response.json) }])) };
  }
  for (const status of ERROR_STATUSES) {
    documented[String(status)] ??= { $ref: '#/components/responses/Problem' };
  }
  return documented;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, unknown>;
}

/** Throws when a registered route has no description: the document never leaves one out silently. */
export function buildOpenApiDocument(routes: readonly RegisteredRoute[], docs: RouteDocs, version: string): OpenApiDocument {
  const undocumented = routes.filter((route) => !docs[route.name]).map((route) => route.name);
  if (undocumented.length > 0) throw new Error(`Routes without an OpenAPI description: ${undocumented.join(', ')}`);
  const paths: OpenApiDocument['paths'] = {};
  for (const route of [...routes].sort((a, b) => a.route.localeCompare(b.route))) {
    const doc = docs[route.name]!;
    for (const method of route.methods.map((m) => m.toLowerCase())) {
      const operationId = route.methods.length > 1 ? `${route.name}-${method}` : route.name;
      (paths[openApiPath(route.route)] ??= {})[method] = {
        operationId,
        summary: doc.summary,
        description: `Who: ${doc.access}.`,
        tags: [doc.tag],
        ...(doc.signedIn === false ? { security: [] } : {}),
        parameters: [...pathParameters(route.route), ...queryParameters(doc), ...headerParameters(doc, method)],
        ...(doc.body && method !== 'get' && method !== 'delete' ? { requestBody: requestBody(doc) } : {}),
        responses: responses(doc),
      };
    }
  }
  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: 'Line of Sight API',
      version,
      description: 'The API behind the Line of Sight Teams app. Errors are RFC 9457 problem details (application/problem+json). Every create honours Idempotency-Key; edits need If-Match.',
    },
    servers: [{ url: '/api' }],
    paths,
    components: {
      securitySchemes: { entra: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An Entra ID access token for the app’s API scope (Teams SSO)' } },
      // RFC 9457 lets a problem carry extension members (e.g. an import preview with a 400, the row
      // of each import error): described as zod accepts it, unknown members allowed at every level.
      schemas: { Problem: jsonSchemaOf(problemSchema, 'input') },
      responses: { Problem: { description: 'A problem (RFC 9457)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } } },
    },
    ...{ security: [{ entra: [] }] },
  };
}
