/**
 * People as the directory sync sees them (pure): what a Microsoft Graph user from /users/delta changes
 * on a person, who still counts, and what is left of a person deleted from the tenant.
 *
 * The removal rule: when Graph reports a user `@removed` (deleted from the tenant), the person's
 * record keeps only its id (the Entra object id, which names nobody), becomes "Former colleague",
 * leaves their team and every group, loses UPN, mail, department, job title, manager and granted
 * roles, and never counts again. Their own tasks are deleted (each deletion audited under the
 * directory sync's name): a task is someone's personal plan of work, and nobody else can edit it.
 * Cohort memberships and onboarding progress stay as anonymous ids, out of every count.
 */
import type { MembershipSource, PersonDocument } from '../data/documents.js';
import { canonicalTag } from './languages.js';

export const FORMER_COLLEAGUE = 'Former colleague';

/** The fields of a person the directory sync owns (never teamId, roles or grantedRoles). */
export type ProfileFields = Partial<Pick<PersonDocument, 'displayName' | 'upn' | 'email' | 'department' | 'jobTitle' | 'managerId' | 'accountEnabled' | 'preferredLanguage'>>;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/**
 * The profile fields a delta entry carries. A later round lists a user with at least the properties
 * that changed, so a property that is absent changes nothing; one present as null clears it.
 */
export function profileFieldsFrom(user: Record<string, unknown>): ProfileFields {
  const fields: ProfileFields = {};
  const displayName = text(user.displayName);
  if (displayName) fields.displayName = displayName;
  const upn = text(user.userPrincipalName);
  if (upn) fields.upn = upn;
  if ('mail' in user) fields.email = text(user.mail) ?? undefined;
  if ('department' in user) fields.department = text(user.department);
  if ('jobTitle' in user) fields.jobTitle = text(user.jobTitle);
  if (typeof user.accountEnabled === 'boolean') fields.accountEnabled = user.accountEnabled;
  // The language the notifications fall back on before the person's own Teams client says (ISO 639-1 + region, e.g. "de-DE").
  if ('preferredLanguage' in user) fields.preferredLanguage = canonicalTag(text(user.preferredLanguage)) ?? null;
  const manager = user['manager@delta'];
  if (Array.isArray(manager)) {
    const current = manager.find((entry: unknown) => typeof entry === 'object' && entry !== null && !('@removed' in entry) && typeof (entry as { id?: unknown }).id === 'string') as { id: string } | undefined;
    fields.managerId = current?.id ?? null;
  }
  return fields;
}

export const isRemovedEntry = (user: Record<string, unknown>): boolean => typeof user['@removed'] === 'object' && user['@removed'] !== null;

/** Whether the person counts in insights, cohorts and new assignments: not disabled, not removed. */
export function isActivePerson(person: Pick<PersonDocument, 'accountEnabled' | 'removedAt'>): boolean {
  return person.accountEnabled !== false && !person.removedAt;
}

/** The record of a person deleted from the tenant (see the removal rule above). */
export function anonymisedPerson(person: PersonDocument, at: string): PersonDocument {
  return { id: person.id, tenantId: person.tenantId, type: 'person', displayName: FORMER_COLLEAGUE, teamId: null, roles: ['Employee'], accountEnabled: false, removedAt: at };
}

/** The new person a delta entry describes, when the directory knows them before they sign in. */
export function personFromDirectory(tenantId: string, userId: string, fields: ProfileFields, syncedAt: string): PersonDocument {
  return { id: userId, tenantId, type: 'person', displayName: fields.displayName ?? fields.upn ?? 'New colleague', teamId: null, roles: ['Employee'], ...fields, syncedAt, removedAt: null };
}

// ---------------------------------------------------------------- team membership from linked groups

export interface LinkedTeam {
  id: string;
  name: string;
  groupId: string;
  /** The membership source its members get. */
  source: Exclude<MembershipSource, 'manual'>;
}

export interface Membership {
  teamId: string | null;
  source: MembershipSource | undefined;
}

/**
 * The membership rule (a person has ONE team): a membership set by hand (source 'manual', or a team
 * without a source) is never changed by the sync. Otherwise the person's team is one of the linked
 * teams whose group lists them: the one they are in already if it still does (no flapping between
 * teams), else the first by team name (then id); none: no team. `groupIds` are the linked groups
 * that list the person.
 */
export function membershipFor(person: Pick<PersonDocument, 'teamId' | 'source'>, groupIds: ReadonlySet<string>, linkedTeams: readonly LinkedTeam[]): Membership {
  const current: Membership = { teamId: person.teamId, source: person.source };
  if (person.teamId !== null && (person.source ?? 'manual') === 'manual') return current;
  const candidates = linkedTeams.filter((team) => groupIds.has(team.groupId)).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const kept = candidates.find((team) => team.id === person.teamId) ?? candidates[0];
  return kept ? { teamId: kept.id, source: kept.source } : { teamId: null, source: undefined };
}
