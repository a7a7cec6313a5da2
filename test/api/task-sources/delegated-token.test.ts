/**
 * The on-behalf-of exchange against the fake Entra ID: only the person's SSO token for this app, from
 * the issuer the API trusts, is exchanged; consent is per person and scope; the token acts for that
 * person only.
 */
import { generateKeyPair, exportJWK, SignJWT } from 'jose';

type KeyLike = CryptoKey;
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeDirectory } from '../../../api/src/local/fake-m365/directory.js';
import { startFakeGraph, type FakeGraph } from '../../../api/src/local/fake-m365/fake-graph.js';
import { ConsentRequiredError, createDelegatedTokens, NoUserTokenError } from '../../../api/src/task-sources/delegated-token.js';

const TENANT = '0b0b0000-0000-4000-8000-000000000001';
const OTHER_TENANT = '0b0b0000-0000-4000-8000-000000000002';
const ALICE = '0b0b0001-0000-4000-8000-000000000001';
const BOB = '0b0b0001-0000-4000-8000-000000000002';
const API_AUDIENCE = '0b0b0002-0000-4000-8000-0000000000a1';
const ISSUER = 'http://localhost/test-issuer/{tid}/v2.0';

let graph: FakeGraph;
let trustedKey: KeyLike;
let strangerKey: KeyLike;

const ssoToken = (claims: { tid?: string; oid?: string; aud?: string; key?: KeyLike; issuerTenant?: string } = {}) =>
  new SignJWT({ tid: claims.tid ?? TENANT, oid: claims.oid ?? ALICE, scp: 'access_as_user' })
    .setProtectedHeader({ alg: 'RS256', kid: claims.key === strangerKey ? 'stranger' : 'trusted' })
    .setIssuer(ISSUER.replace('{tid}', claims.issuerTenant ?? claims.tid ?? TENANT))
    .setAudience(claims.aud ?? API_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(claims.key ?? trustedKey);

const tokens = () => createDelegatedTokens({ authority: graph.authority, clientId: graph.clientId, clientAssertion: async () => 'managed-identity-token' });

beforeAll(async () => {
  const trusted = await generateKeyPair('RS256');
  trustedKey = trusted.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  const directory = createFakeDirectory([
    { id: TENANT, displayName: 'OBO test', consented: true, users: [ALICE, BOB].map((id) => ({ id, displayName: id, userPrincipalName: `${id}@obo.example` })), plans: [{ id: 'plan', title: 'Plan', tasks: [{ id: 'task-a', title: 'Alice task', assigneeIds: [ALICE] }, { id: 'task-b', title: 'Bob task', assigneeIds: [BOB] }] }] },
    { id: OTHER_TENANT, displayName: 'Other', consented: true, users: [] },
  ]);
  graph = await startFakeGraph({ directory });
  graph.trustUserTokens({ jwks: { keys: [{ ...(await exportJWK(trusted.publicKey)), kid: 'trusted', alg: 'RS256', use: 'sig' }] }, issuerTemplate: ISSUER, audience: API_AUDIENCE });
});
afterAll(async () => {
  await graph?.close();
});

describe('on-behalf-of exchange', () => {
  it('refuses a token for another audience, from another issuer or key, or for another tenant', async () => {
    graph.directory.grantDelegatedConsent(TENANT, ALICE, ['Tasks.Read']);
    const refused = async (assertion: string) => tokens().get(TENANT, ALICE, 'Tasks.Read', assertion).then(() => 'accepted', (error: Error) => `${error.name}: ${error.message.split(':')[0]}`);
    expect(await refused(await ssoToken({ aud: 'https://graph.microsoft.com' }))).toBe('OboRefusedError: AADSTS500131');
    expect(await refused(await ssoToken({ key: strangerKey }))).toBe('OboRefusedError: AADSTS50013');
    expect(await refused(await ssoToken({ issuerTenant: OTHER_TENANT }))).toBe('OboRefusedError: AADSTS50013');
    expect(await refused('not-a-jwt')).toBe('OboRefusedError: AADSTS50013');
    expect(await refused(await ssoToken())).toBe('accepted');
  });

  it('needs the person\'s consent to each scope (AADSTS65001), and acts for that person only', async () => {
    const bobTokens = tokens();
    const bob = await ssoToken({ oid: BOB });
    await expect(bobTokens.get(TENANT, BOB, 'Tasks.Read', bob)).rejects.toBeInstanceOf(ConsentRequiredError);
    graph.directory.grantDelegatedConsent(TENANT, BOB, ['Tasks.Read']);
    const token = await bobTokens.get(TENANT, BOB, 'Tasks.Read', bob);
    await expect(bobTokens.get(TENANT, BOB, 'Tasks.ReadWrite', bob)).rejects.toBeInstanceOf(ConsentRequiredError);
    // Cached: no second exchange, and no token at all for someone who never signed in here.
    expect(await bobTokens.get(TENANT, BOB, 'Tasks.Read')).toBe(token);
    await expect(bobTokens.get(TENANT, ALICE, 'Tasks.Read')).rejects.toBeInstanceOf(NoUserTokenError);

    const mine = await fetch(`${graph.baseUrl}/v1.0/me/planner/tasks`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await mine.json()) as { value: { title: string }[] }).value.map((task) => task.title)).toEqual(['Bob task']);
    const write = await fetch(`${graph.baseUrl}/v1.0/planner/tasks/task-b`, { method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'if-match': 'x' }, body: '{}' });
    expect(write.status).toBe(403);
    graph.directory.revokeDelegatedConsent(TENANT, BOB);
    expect((await fetch(`${graph.baseUrl}/v1.0/me/planner/tasks`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(403);
  });

  it('refuses an app-only token on /me routes', async () => {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: graph.clientId, scope: 'https://graph.microsoft.com/.default', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: 'x' });
    const app = (await (await fetch(`${graph.authority}/${TENANT}/oauth2/v2.0/token`, { method: 'POST', body: form })).json()) as { access_token: string };
    expect((await fetch(`${graph.baseUrl}/v1.0/me/todo/lists`, { headers: { authorization: `Bearer ${app.access_token}` } })).status).toBe(400);
  });
});
