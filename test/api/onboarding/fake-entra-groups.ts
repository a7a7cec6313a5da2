/**
 * A loopback fake of the Entra token endpoint and of Graph's group transitive members, paged two
 * users at a time with @odata.nextLink (as Graph pages). Requests without the issued token get 401.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeEntraGroups {
  baseUrl: string;
  requests: string[];
  close(): Promise<void>;
}

export async function startFakeEntraGroups(groups: Record<string, { id: string; userPrincipalName: string }[]>): Promise<FakeEntraGroups> {
  const token = 'groups-test-token';
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(`${req.method} ${url.pathname}`);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'POST' && /\/oauth2\/v2\.0\/token$/.test(url.pathname)) {
      req.resume();
      return send(200, { token_type: 'Bearer', expires_in: 3600, access_token: token });
    }
    const match = /^\/v1\.0\/groups\/([^/]+)\/transitiveMembers\/microsoft\.graph\.user$/.exec(url.pathname);
    if (req.method === 'GET' && match) {
      if (req.headers.authorization !== `Bearer ${token}`) return send(401, { error: { code: 'InvalidAuthenticationToken' } });
      const members = groups[decodeURIComponent(match[1]!)];
      if (!members) return send(404, { error: { code: 'Request_ResourceNotFound' } });
      const skip = Number(url.searchParams.get('skip') ?? '0');
      const next = skip + 2 < members.length ? `${base}${url.pathname}?skip=${skip + 2}` : undefined;
      return send(200, { value: members.slice(skip, skip + 2), ...(next ? { '@odata.nextLink': next } : {}) });
    }
    send(404, { error: { code: 'NotFound' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl: base,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
