/**
 * What each area of the fake Graph (activity feed, groups, users, apps...) gets for one request, and
 * the shape of an area's handler. An area answers the requests it knows and returns true; the
 * router tries the areas in turn and answers 404 when none did.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeDirectory, FakeTenant } from './directory.js';

/** An app-only Graph token the fake issued (its `roles` are the permissions consented in its tenant). */
export interface IssuedAppToken {
  tenantId: string;
  expiresAtMs: number;
  roles: string[];
  audience: string;
  /** Delegated tokens (on-behalf-of): the user the app acts for, and the consented scopes (`scp`). */
  userId?: string;
  scopes?: string[];
}

export interface GraphRequest {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  url: URL;
  /** The fake's own base URL (for @odata.nextLink and @odata.deltaLink). */
  baseUrl: string;
  /** The bearer token's grant when it is one the fake issued and still valid; else undefined. */
  token: IssuedAppToken | undefined;
  /** The token's tenant when the directory declares it (tenant-aware behaviour); else undefined. */
  tenant: FakeTenant | undefined;
  directory: FakeDirectory;
  send(status: number, body?: unknown, headers?: Record<string, string>): void;
  readBody(): Promise<string>;
}

/** Handles the request and returns true, or returns false when the path is not this area's. */
export type GraphArea = (request: GraphRequest) => boolean | Promise<boolean>;

export const graphError = (code: string, message: string) => ({ error: { code, message, innerError: { date: new Date().toISOString() } } });

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

/** Answers 401 (no valid token) or 403 (a valid token lacking every role in `anyOf`); true when it answered. */
export function refuseWithoutRole(request: GraphRequest, anyOf: readonly string[]): boolean {
  if (!request.token) {
    request.send(401, graphError('InvalidAuthenticationToken', 'Access token is missing, invalid or expired.'));
    return true;
  }
  if (!anyOf.some((role) => request.token!.roles.includes(role))) {
    request.send(403, graphError('Authorization_RequestDenied', `Insufficient privileges to complete the operation. Needs one of: ${anyOf.join(', ')}.`));
    return true;
  }
  return false;
}
