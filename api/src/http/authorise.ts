/**
 * Authorisation beyond the token: a caller's effective roles are the token's `roles` claim plus
 * the roles an Admin granted in the app (stored on the person's directory document). The person
 * document is read on every call and nothing is cached, so a revoke applies to the next request.
 */
import { AuthError, type Caller } from '../auth/verify-token.js';
import type { AuditActor } from '../data/audit.js';
import type { PersonDocument } from '../data/documents.js';
import type { Services } from '../services.js';
import type { Role } from '../shared/contracts.js';

/** Roles an Admin may grant in the app. Admin itself only comes from the token (the tenant's own directory). */
export const GRANTABLE_ROLES = ['Leader'] as const satisfies readonly Role[];

const ROLE_ORDER: readonly Role[] = ['Employee', 'Leader', 'Admin'];

/** Union of token roles and granted roles, always including Employee, in a stable order. Pure. */
export function mergeRoles(tokenRoles: readonly Role[], grantedRoles: readonly Role[] = []): Role[] {
  const all = new Set<Role>(['Employee', ...tokenRoles, ...grantedRoles]);
  return ROLE_ORDER.filter((role) => all.has(role));
}

export interface AuthorisedCaller {
  caller: Caller;
  /** Effective roles (token ∪ granted). */
  roles: Role[];
  /** The caller's directory entry, if they have one. */
  person: PersonDocument | undefined;
  isAdmin: boolean;
  isLeader: boolean;
}

/** Reads the caller's person document (fresh, every time) and works out their effective roles. */
export async function authoriseCaller(services: Services, caller: Caller): Promise<AuthorisedCaller> {
  const person = await services.directory.getPerson(caller.tenantId, caller.userId);
  const roles = mergeRoles(caller.roles, person?.grantedRoles ?? []);
  return { caller, roles, person, isAdmin: roles.includes('Admin'), isLeader: roles.includes('Leader') };
}

export async function effectiveRoles(services: Services, caller: Caller): Promise<Role[]> {
  return (await authoriseCaller(services, caller)).roles;
}

/** Leader or Admin, else AuthError 403 'forbidden'. Returns the authorised caller for team checks. */
export async function requireLeader(services: Services, caller: Caller): Promise<AuthorisedCaller> {
  const authorised = await authoriseCaller(services, caller);
  if (!authorised.isLeader && !authorised.isAdmin) {
    throw new AuthError(403, 'forbidden', 'This needs the Leader or Admin role.');
  }
  return authorised;
}

/** Admin, else AuthError 403 'forbidden'. */
export async function requireAdmin(services: Services, caller: Caller): Promise<AuthorisedCaller> {
  const authorised = await authoriseCaller(services, caller);
  if (!authorised.isAdmin) throw new AuthError(403, 'forbidden', 'This needs the Admin role.');
  return authorised;
}

/** A Leader acts on their own team (person.teamId); an Admin on any team. */
export function canActOnTeam(authorised: AuthorisedCaller, teamId: string): boolean {
  if (authorised.isAdmin) return true;
  return authorised.isLeader && authorised.person?.teamId === teamId;
}

/** Like canActOnTeam, but throws AuthError 403 'forbidden'. */
export function requireTeamLeader(authorised: AuthorisedCaller, teamId: string): void {
  if (!canActOnTeam(authorised, teamId)) {
    throw new AuthError(403, 'forbidden', 'Only a Leader of this team or an Admin can do this.');
  }
}

/** Who an audit entry names: the caller, by their directory name when known (else the token's). */
export function actorOf(who: AuthorisedCaller | Caller): AuditActor {
  const caller = 'caller' in who ? who.caller : who;
  const person = 'caller' in who ? who.person : undefined;
  return { id: caller.userId, displayName: person?.displayName ?? caller.displayName ?? 'Someone' };
}
