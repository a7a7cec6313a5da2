/**
 * Just-in-time people: a person's directory record is created from their validated token (name,
 * `preferred_username`, object id) on their first request in an onboarded tenant, so nobody waits
 * for the directory sync to be known. Roles stay the token's: they are recorded when the record is
 * created, and brought back in line when a later token says otherwise (the directory sync never
 * touches them).
 *
 * Cost: each API instance remembers whom it has already seen (in memory, like the tenants'
 * "onboarded" cache), so after a person's first request nothing more is read or written for them.
 * The first request costs one point read, plus one create when the person is new. Concurrent first
 * requests (and a sync run creating the same person) are safe: the create is create-if-absent, and
 * whoever loses the race finds the record the winner made; nothing a sync wrote is overwritten.
 *
 * Language: the locale a request's Accept-Language names first (the tab sends its Teams client's,
 * see notifications/notification-text.ts for why that comes first) is recorded as `clientLocale` in
 * the same way: remembered per instance, so it is written once when it changes, and never read again
 * while it stays the same. A request without one changes nothing.
 */
import type { Caller } from '../auth/verify-token.js';
import type { PersonDocument } from '../data/documents.js';
import type { PeopleRepository } from '../data/people-repository.js';
import { acceptedTags, canonicalTag } from '../domain/languages.js';
import type { Role } from '../shared/contracts.js';

/** People remembered per instance; past this the memory starts over (a re-check is one read). */
const MAX_REMEMBERED = 100_000;

export interface FirstRequestPeople {
  /**
   * Makes sure the caller has a person record, with `clientLocale` (from clientLocaleOf) when given; a
   * no-op after the first call for them in this instance, until their locale changes.
   */
  ensure(caller: Caller, clientLocale?: string): Promise<void>;
  /** Forgets everyone (tests; and the directory sync after it anonymises someone). */
  forget(tenantId?: string, userId?: string): void;
}

/** The locale an Accept-Language header names first, canonical (de-de → de-DE); undefined for none, `*` or garbage. */
export function clientLocaleOf(acceptLanguage: string | null | undefined): string | undefined {
  return canonicalTag(acceptedTags(acceptLanguage)[0]);
}

const sameRoles = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((role) => b.includes(role));

/** What a first request records about a person the directory does not know yet. */
export function personFromCaller(caller: Caller, clientLocale?: string): PersonDocument {
  return {
    id: caller.userId,
    tenantId: caller.tenantId,
    type: 'person',
    displayName: caller.displayName ?? caller.upn ?? 'New colleague',
    teamId: null,
    roles: [...caller.roles],
    ...(caller.upn ? { upn: caller.upn } : {}),
    ...(clientLocale ? { clientLocale } : {}),
  };
}

/**
 * `isOnboarded` (the tenants' cached answer): routes that admit a tenant still signing up create no
 * record; its people get theirs on their first request once it has onboarded.
 */
export function createFirstRequestPeople(people: PeopleRepository, isOnboarded: (tenantId: string) => Promise<boolean>): FirstRequestPeople {
  /** Whom this instance has seen, with the locale their record holds (undefined: none). */
  const known = new Map<string, string | undefined>();
  /** Checks in progress, so concurrent first requests of one person share one read. */
  const pending = new Map<string, Promise<string | undefined>>();

  /** Brings the record in line with the caller; answers the locale it then holds. */
  async function check(caller: Caller, clientLocale: string | undefined): Promise<string | undefined> {
    const existing = await people.readPerson(caller.tenantId, caller.userId);
    if (!existing) {
      // Lost the race to another create: unknown what it holds, so a later request with a locale checks again.
      return (await people.createIfAbsent(personFromCaller(caller, clientLocale))) === 'created' ? clientLocale : undefined;
    }
    const changes: Partial<Record<keyof PersonDocument, unknown>> = {};
    if (!sameRoles(existing.roles, caller.roles)) changes.roles = [...caller.roles];
    if (clientLocale && existing.clientLocale !== clientLocale) changes.clientLocale = clientLocale;
    if (Object.keys(changes).length > 0) await people.patchFields(caller.tenantId, caller.userId, changes);
    return clientLocale ?? existing.clientLocale;
  }

  return {
    async ensure(caller, clientLocale) {
      const key = `${caller.tenantId}/${caller.userId}`;
      if (known.has(key) && (clientLocale === undefined || known.get(key) === clientLocale)) return;
      if (!(await isOnboarded(caller.tenantId))) return;
      const pendingKey = `${key}|${clientLocale ?? ''}`;
      let running = pending.get(pendingKey);
      if (!running) {
        running = check(caller, clientLocale).finally(() => pending.delete(pendingKey));
        pending.set(pendingKey, running);
      }
      const recorded = await running;
      if (known.size >= MAX_REMEMBERED) known.clear();
      known.set(key, recorded);
    },
    forget(tenantId, userId) {
      if (tenantId === undefined) known.clear();
      else known.delete(`${tenantId}/${userId}`);
    },
  };
}
