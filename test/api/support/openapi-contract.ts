/**
 * Holds every API test's real responses to the OpenAPI document the API serves: the test stack's
 * `request` checks each answer against what /api/openapi.json says that route answers with that
 * status (its JSON schema, or its media type), and errors against the problem+json schema. So the
 * document is checked by every request the API tests make, not by a sample written for it.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';

interface Operation {
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: object }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
}

export interface ContractChecker {
  /** What in this answer the document doesn't say; empty when it matches. */
  check(method: string, url: string, status: number, contentType: string, body: unknown): string[];
}

const literalSegments = (path: string) => path.split('/').filter((segment) => segment && !segment.startsWith('{')).length;

export function contractChecker(document: Document): ContractChecker {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'components', ...document.components }, 'components');
  const compiled = new Map<string, ValidateFunction>();
  const validatorFor = (key: string, schema: object) => {
    let validate = compiled.get(key);
    if (!validate) {
      // Refs into components resolve against the document's own components.
      const rebased = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"components#/')) as object;
      validate = ajv.compile(rebased);
      compiled.set(key, validate);
    }
    return validate;
  };
  const routes = Object.keys(document.paths)
    .map((path) => ({ path, pattern: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`) }))
    .sort((a, b) => literalSegments(b.path) - literalSegments(a.path));
  const problemValidator = () => validatorFor('problem', { $ref: '#/components/schemas/Problem' });

  return {
    check(method, url, status, contentType, body) {
      const pathname = new URL(url, 'http://x').pathname;
      if (!pathname.startsWith('/api/')) return [];
      const path = pathname.slice('/api'.length);
      const route = routes.find((candidate) => candidate.pattern.test(path));
      if (!route) return status === 404 ? [] : [`${method} ${path} answered ${status} but the document has no such path`];
      const operation = document.paths[route.path]![method.toLowerCase()];
      const where = `${method} ${route.path} → ${status}`;
      if (!operation) return status === 405 || status === 404 ? [] : [`${where}: the document has no ${method} for this path`];
      const response = operation.responses[String(status)];
      if (!response) return [`${where}: status not in the document`];
      const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
      if (response.$ref) {
        if (mediaType !== 'application/problem+json') return [`${where}: documented as problem+json, answered ${mediaType || 'no content type'}`];
        const validate = problemValidator();
        return validate(body) ? [] : [`${where}: not a problem document: ${ajv.errorsText(validate.errors)}`];
      }
      if (!response.content) return body === '' || body === undefined ? [] : [`${where}: documented without content, answered a body`];
      const media = response.content[mediaType];
      if (!media) return [`${where}: answered ${mediaType}, documented ${Object.keys(response.content).join(', ')}`];
      if (!mediaType.endsWith('json') || !media.schema) return [];
      const validate = validatorFor(`${method} ${route.path} ${status}`, media.schema);
      return validate(body) ? [] : [`${where}: ${ajv.errorsText(validate.errors)}`];
    },
  };
}
