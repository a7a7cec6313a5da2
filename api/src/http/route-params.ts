import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { idSchema } from '../shared/contracts.js';
import { problems } from './problem.js';
import type { Parsed } from './request-body.js';

/** Validates an id taken from the route, e.g. `{id}` in `me/tasks/{id}`; a bad one is a 400 at path `id`. */
export function parseIdParam(request: HttpRequest, name: string): Parsed<string> {
  const result = idSchema.safeParse(request.params[name] ?? '');
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    response: problems.validation(result.error.issues.map((issue) => ({ path: name, message: issue.message }))),
  };
}

/** The If-Match an update must carry (the etag last seen): missing → 428 naming the document, e.g. 'strategy'. */
export function ifMatchOf(request: HttpRequest, what: string): { ok: true; value: string } | { ok: false; response: HttpResponseInit } {
  const value = request.headers.get('if-match');
  return value ? { ok: true, value } : { ok: false, response: problems.preconditionRequiredFor(what) };
}
