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
 */
import type { Caller } from '../auth/verify-token.js';
import type { PersonDocument } from '../data/documents.js';
import type { PeopleRepository } from '../data/people-repository.js';
import type { Role } from '../shared/contracts.js';

/** People remembered per instance; past this the memory starts over (a re-check is one read). */
const MAX_REMEMBERED = 100_000;

export interface FirstRequestPeople {
  /** Makes sure the caller has a person record; a no-op after the first call for them in this instance. */
  ensure(caller: Caller): Promise<void>;
  /** Forgets everyone (tests; and the directory sync after it anonymises someone). */
  forget(tenantId?: string, userId?: string): void;
}

const sameRoles = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((role) => b.includes(role));

/** What a first request records about a person the directory does not know yet. */
export function personFromCaller(caller: Caller): PersonDocument {
  return {
    id: caller.userId,
    tenantId: caller.tenantId,
    type: 'person',
    displayName: caller.displayName ?? caller.upn ?? 'New colleague',
    teamId: null,
    roles: [...caller.roles],
    ...(caller.upn ? { upn: caller.upn } : {}),
  };
}

/**
 * `isOnboarded` (the tenants' cached answer): routes that admit a tenant still signing up create no
 * record; its people get theirs on their first request once it has onboarded.
 */
export function createFirstRequestPeople(people: PeopleRepository, isOnboarded: (tenantId: string) => Promise<boolean>): FirstRequestPeople {
  const known = new Set<string>();
  /** Checks in progress, so concurrent first requests of one person share one read. */
  const pending = new Map<string, Promise<void>>();

  async function check(caller: Caller): Promise<void> {
    const existing = await people.readPerson(caller.tenantId, caller.userId);
    if (!existing) {
      await people.createIfAbsent(personFromCaller(caller));
      return;
    }
    if (!sameRoles(existing.roles, caller.roles)) await people.patchFields(caller.tenantId, caller.userId, { roles: [...caller.roles] });
  }

  return {
    async ensure(caller) {
      const key = `${caller.tenantId}/${caller.userId}`;
      if (known.has(key)) return;
      if (!(await isOnboarded(caller.tenantId))) return;
      let running = pending.get(key);
      if (!running) {
        running = check(caller).finally(() => pending.delete(key));
        pending.set(key, running);
      }
      await running;
      if (known.size >= MAX_REMEMBERED) known.clear();
      known.add(key);
    },
    forget(tenantId, userId) {
      if (tenantId === undefined) known.clear();
      else known.delete(`${tenantId}/${userId}`);
    },
  };
}
