/**
 * Notifications reach each person in their language, end to end on the local stack: the directory
 * sync reads Graph's preferredLanguage, a person's own request records their Teams client's locale
 * (Accept-Language), and an alignment round's invitations go through the outbox and the drain to the
 * fake Graph's activity feed: German for the German speaker, Arabic for the one whose Teams speaks
 * Arabic, English for a language we have no texts for and for nobody-knows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeUser } from '../../../api/src/local/fake-m365/directory.js';
import { testDayPlus } from '../../support/clock.js';
import { CONTOSO_IDS, newUser, startDirectoryTestStack, type DirectoryTestStack } from '../directory/directory-test-support.js';

const tenant = CONTOSO_IDS.tenant;
const QUESTION = 'What do you get paid to do?';
let env: DirectoryTestStack;
let greta: FakeUser, samir: FakeUser, fleur: FakeUser, nils: FakeUser;

beforeAll(async () => {
  env = await startDirectoryTestStack();
  greta = newUser('Greta Baumann', 'contoso.example', { appRoles: ['Leader'], preferredLanguage: 'de-DE' });
  // The directory says English; his Teams client runs in Arabic, and that is what he reads.
  samir = newUser('Samir Haddad', 'contoso.example', { appRoles: ['Leader'], preferredLanguage: 'en-US' });
  fleur = newUser('Fleur Martin', 'contoso.example', { appRoles: ['Leader'], preferredLanguage: 'fr-FR' });
  nils = newUser('Nils Berg', 'contoso.example', { appRoles: ['Leader'] });
  for (const user of [greta, samir, fleur, nils]) env.directory.upsertUser(tenant, user);
});
afterAll(async () => {
  await env?.close();
});

const request = async (user: FakeUser, acceptLanguage?: string) =>
  (await env.api.request('GET', '/api/me/tasks', { token: await env.api.tokenFor(tenant, user.id), ...(acceptLanguage ? { headers: { 'accept-language': acceptLanguage } } : {}) })).status;

describe('a person’s language', () => {
  it('comes from the directory sync (Graph preferredLanguage, canonical; null when not set)', async () => {
    await env.sync();
    const firstRound = env.graph.usersDeltaRequests.find((entry) => entry.tenantId === tenant && entry.query.includes('select'));
    expect(decodeURIComponent(firstRound?.query ?? '')).toContain('$select=displayName,mail,userPrincipalName,department,jobTitle,accountEnabled,preferredLanguage');
    expect(await env.person(tenant, greta.id)).toMatchObject({ preferredLanguage: 'de-DE' });
    expect(await env.person(tenant, fleur.id)).toMatchObject({ preferredLanguage: 'fr-FR' });
    expect((await env.person(tenant, nils.id))?.preferredLanguage).toBeNull();
  });

  it('and from the locale their own Teams client sends, recorded once per change', async () => {
    expect(await request(samir, 'ar-sa,ar;q=0.9,en;q=0.5')).toBe(200);
    const recorded = await env.person(tenant, samir.id);
    expect(recorded).toMatchObject({ clientLocale: 'ar-SA', preferredLanguage: 'en-US' });
    // The same locale again, or none, writes nothing.
    expect(await request(samir, 'ar-SA')).toBe(200);
    expect(await request(samir)).toBe(200);
    expect((await env.person(tenant, samir.id))?._etag).toBe(recorded?._etag);
    // A change is written once.
    expect(await request(samir, 'de-DE')).toBe(200);
    expect(await env.person(tenant, samir.id)).toMatchObject({ clientLocale: 'de-DE' });
    const changed = (await env.person(tenant, samir.id))?._etag;
    expect(await request(samir, 'de-DE')).toBe(200);
    expect((await env.person(tenant, samir.id))?._etag).toBe(changed);
    expect(await request(samir, 'ar-SA')).toBe(200);
    // The others sign in from a client that names no language (only `*`): nothing recorded for them.
    for (const user of [greta, fleur, nils]) expect(await request(user)).toBe(200);
    expect((await env.person(tenant, greta.id))?.clientLocale).toBeUndefined();
  });
});

describe('an invitation through the outbox', () => {
  it('reaches each in their language: German, Arabic, and English for French and for unknown', async () => {
    const closesAt = `${testDayPlus(5)}T17:00:00.000Z`; // 7 March 2026
    const grace = await env.api.tokenFor(tenant, CONTOSO_IDS.people.grace);
    const opened = await env.api.request<{ id: string }>('POST', '/api/alignment-rounds', { token: grace, json: { leaderIds: [greta.id, samir.id, fleur.id, nils.id], closesAt } });
    expect(opened.status, opened.text).toBe(201);
    const roundId = opened.body.id;
    const feed = () => env.graph.feed(tenant).filter((entry) => entry.activityType === 'alignmentRoundInvited' && entry.webUrl.includes(roundId));
    await expect.poll(() => feed().length, { timeout: 20_000 }).toBe(4);
    const previews = Object.fromEntries(feed().map((entry) => [entry.userId, entry.previewText]));
    expect(previews).toEqual({
      [greta.id]: `Antworten Sie für sich allein bis zum 7. März 2026: ${QUESTION}`,
      [samir.id]: `أجب بمفردك حتى 7 مارس 2026: \u2068${QUESTION}\u2069`,
      [fleur.id]: `Answer on your own by March 7, 2026: ${QUESTION}`,
      [nils.id]: `Answer on your own by March 7, 2026: ${QUESTION}`,
    });
    // Teams writes the template in the reader's language; its value is the question as typed, and each got one notification.
    expect(feed().every((entry) => entry.templateParameters.question === QUESTION && entry.topic === QUESTION && entry.deliveries === 1)).toBe(true);

    // The outbox says in which language each went; a second drain sends nothing more.
    const outbox = async () => (await env.api.storedDocuments('onboarding', tenant)).filter((doc) => doc.type === 'outbox' && doc.assignmentId === roundId);
    await expect.poll(async () => (await outbox()).every((doc) => doc.state === 'sent')).toBe(true);
    expect(Object.fromEntries((await outbox()).map((doc) => [doc.recipientUserId, doc.sentLanguage]))).toEqual({ [greta.id]: 'de', [samir.id]: 'ar', [fleur.id]: 'en', [nils.id]: 'en' });
    await env.api.stack.timers.find((timer) => timer.name === 'notifications-drain-timer')!.run();
    expect(feed().map((entry) => entry.deliveries)).toEqual([1, 1, 1, 1]);
  });
});
