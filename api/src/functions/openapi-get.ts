import { publicHandler } from '../http/handler.js';
import { json } from '../http/respond.js';
import { registeredRoutes } from '../http/route-table.js';
import { buildOpenApiDocument, type OpenApiDocument } from '../openapi/openapi-document.js';
import { ROUTE_DOCS } from '../openapi/route-docs.js';
import { API_VERSION } from './health-get.js';

// Built on first request, once every route is registered; the routes don't change while the app runs.
let document: OpenApiDocument | undefined;

/** GET /api/openapi.json — the API's description (OpenAPI 3.1), anonymous like /api/health. */
export const openApiGet = publicHandler(async () => {
  document ??= buildOpenApiDocument(registeredRoutes(), ROUTE_DOCS, API_VERSION);
  return json(200, document, { 'Cache-Control': 'public, max-age=300' });
});
