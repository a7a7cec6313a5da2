/**
 * How a route is described for the OpenAPI document: the same zod schemas the handler parses its
 * request with and the tab parses its answer with, so the contract can't drift from the code.
 */
import type { z } from 'zod';

/** A zod schema, classic or zod/mini (the tab's home view parses with zod/mini; both share zod's core). */
export type Schema = z.core.$ZodType;

export const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && '_zod' in value;

/**
 * A JSON body (a zod schema), no body (`null`, e.g. 204), or other media types ("text/csv", or
 * alternatives joined by " or "); `json` describes the application/json alternative.
 */
export type ResponseDoc = Schema | null | { contentType: string; description: string; json?: Schema };

export interface RouteDoc {
  summary: string;
  /** Groups routes in the document, e.g. "Home view", "Strategy map". */
  tag: string;
  /** Who may call it, in words; every route but the public ones needs an Entra ID bearer token. */
  access: string;
  /** `false` for the anonymous routes (health, the API description, the public customer survey). */
  signedIn?: false;
  body?: Schema | { contentType: string; description: string };
  query?: Schema;
  /** The route refuses a change without the ETag last seen (428), and a stale one (412). */
  ifMatch?: 'required' | 'optional';
  /** Successful answers by status; errors are problem+json and documented once for all routes. */
  responses: Record<number, ResponseDoc>;
}

export type RouteDocs = Record<string, RouteDoc>;

/** Keys shared by many routes' problem answers. */
export const ERROR_STATUSES = [400, 401, 403, 404, 405, 409, 412, 413, 415, 422, 428, 429, 500, 503] as const;
