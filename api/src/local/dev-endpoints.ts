/**
 * Dev-mode sign-in for the local stack: `GET /dev/identities` lists the demo people and
 * `POST /dev/token` mints a token for one of them, signed by the dev issuer the API's verifier
 * trusts in dev mode. The stack mounts these only in dev mode; elsewhere they are 404.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpResponseInit } from '@azure/functions';
import type { DevTokenIssuer } from '../auth/dev-token-issuer.js';
import { problem, problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { devTokenRequestSchema, LIMITS, type DevIdentity } from '../shared/contracts.js';
import { readNodeBody, toFunctionsRequest, writeFunctionsResponse as write } from './node-http-bridge.js';

/** `identities` is read at each request: people can join the fake directory while the stack runs. */
export function createDevEndpoints(identities: () => readonly DevIdentity[], issuer: DevTokenIssuer) {
  async function token(req: IncomingMessage): Promise<HttpResponseInit> {
    const raw = await readNodeBody(req);
    if (raw === 'too_large') return problems.payloadTooLarge(LIMITS.maxBodyBytes);
    const body = await parseJsonBody(toFunctionsRequest(req, raw), devTokenRequestSchema);
    if (!body.ok) return body.response;
    const identity = identities().find((candidate) => candidate.tenantId === body.value.tenantId && candidate.userId === body.value.userId);
    if (!identity) return problems.notFound('No demo identity with that tenantId and userId; see GET /dev/identities.');
    const accessToken = await issuer.issueDevToken({
      tenantId: identity.tenantId,
      userId: identity.userId,
      roles: identity.roles,
      displayName: identity.displayName,
      ...(identity.upn ? { upn: identity.upn } : {}),
      ...(identity.wids ? { wids: identity.wids } : {}),
    });
    return json(200, { access_token: accessToken, token_type: 'Bearer' });
  }

  /** Answers `/dev/...` paths. */
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const method = req.method ?? 'GET';
    if (path === '/dev/identities') {
      return write(res, method === 'GET' ? json(200, identities()) : problems.methodNotAllowed(['GET']));
    }
    if (path === '/dev/token') {
      return write(res, method === 'POST' ? await token(req) : problems.methodNotAllowed(['POST']));
    }
    return write(res, problem(404, 'not_found', 'Not found'));
  };
}
