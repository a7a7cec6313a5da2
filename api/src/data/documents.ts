/**
 * Shapes of the documents stored in Cosmos DB. Every document carries `tenantId`,
 * the partition key of every container.
 */
import type { TaskSourceRef } from '../shared/task-source-contracts.js';
import type { Organisation, Role, Strategy, StrategyProgress } from '../shared/contracts.js';

export interface TenantDocument {
  id: string;
  tenantId: string;
  name: string;
  onboardedAt: string;
}

export interface PersonDocument {
  id: string;
  tenantId: string;
  type: 'person';
  displayName: string;
  teamId: string | null;
  roles: Role[];
  /** Roles an Admin granted in the app (for tenants without Entra app roles); honoured alongside the token's roles. */
  grantedRoles?: Role[];
  /** When the person last saw the home view's "what changed" note (POST /api/me/visits). */
  lastVisitAt?: string;
  /** User principal name and email (lower or mixed case): how cohort CSV imports find people. */
  upn?: string;
  email?: string;
  /** The company the person joined from in a merger (e.g. "Fabrikam"), if any. */
  formerCompany?: string;
  /** From the directory sync (Microsoft Graph /users/delta); null = not set in the directory. */
  department?: string | null;
  jobTitle?: string | null;
  /** The manager's user id. */
  managerId?: string | null;
  /** False once the account is disabled in Entra ID: the person then stops counting (insights, cohorts). Absent = enabled. */
  accountEnabled?: boolean;
  /** When the directory sync last wrote the person (a full resync anonymises those it no longer sees). */
  syncedAt?: string;
  /** Set when the person was deleted from the tenant: the record is anonymised (domain/directory-people.ts). */
  removedAt?: string | null;
  /** Where `teamId` came from: set by hand ('manual', also when absent), a linked group's members, or a team linked by its channel tab. */
  source?: MembershipSource;
  /** The linked groups (ids) the person is a member of, as the last group sync read them. */
  groupIds?: string[];
  /** Microsoft Graph user.preferredLanguage (e.g. "de-DE") from the directory sync; null = not set in the directory. */
  preferredLanguage?: string | null;
  /** The locale the person's own Teams client last sent (the tab's Accept-Language), e.g. "ar-SA". */
  clientLocale?: string;
  /** Set while an Admin's erasure of the person runs (data/person-erasure.ts): the pseudonym every rewritten record uses. */
  erasure?: { pseudonymId: string; startedAt: string };
}

export type MembershipSource = 'manual' | 'group' | 'channel';

export interface TeamDocument {
  id: string;
  tenantId: string;
  type: 'team';
  name: string;
  /** Strategies the team serves, mapped by a leader (absent = none yet). */
  strategyIds?: string[];
  /** The Teams channel whose channel tab shows this team's line of sight. */
  channel?: { teamsTeamId: string; channelId: string };
  /** The Microsoft 365 / Entra group this team is linked to (a team in Teams has its group's id); its members sync from Graph. */
  groupId?: string;
  /** The linked group as Graph named it; `via` says whether it was linked through the channel tab's installation (else: chosen by a person). */
  linkedGroup?: { displayName: string; isTeam: boolean; via?: 'leader' | 'channel' };
}

export type DirectoryDocument = PersonDocument | TeamDocument;

/** The one organisation document per tenant has this fixed id. */
export const ORGANISATION_DOCUMENT_ID = 'organisation';

export interface OrganisationDocument extends Organisation {
  id: typeof ORGANISATION_DOCUMENT_ID;
  tenantId: string;
  type: 'organisation';
}

export interface StrategyDocument extends Strategy {
  tenantId: string;
  type: 'strategy';
  /** The person (user id) accountable for the strategy; absent/null = no owner yet. */
  ownerId?: string | null;
  /** Absent on older documents = 'not_started'. */
  progress?: StrategyProgress;
  /** Measures of success (≤ 5); absent = none. */
  measures?: string[];
}

export type StrategyContainerDocument = OrganisationDocument | StrategyDocument;

export interface TaskDocument {
  id: string;
  tenantId: string;
  /** The person (Entra object id) whose task this is. Only they can read or change it. */
  ownerId: string;
  title: string;
  strategyId: string | null;
  howItServes: string;
  createdAt: string;
  updatedAt: string;
  /** Done; absent = not done. */
  completed?: boolean;
  /** yyyy-mm-dd; imported tasks only. */
  dueDate?: string | null;
  /** Imported tasks: where from (Planner / To Do). The stored `etag` is the source's, for sync and write-back. */
  source?: TaskSourceRef & { etag: string };
}

/** The one sign-up draft of a tenant that is signing up (directory container, fixed id). */
export const SIGNUP_DRAFT_DOCUMENT_ID = 'signup';

export interface SignupDraftDocument {
  id: typeof SIGNUP_DRAFT_DOCUMENT_ID;
  tenantId: string;
  type: 'signup';
  startedBy: { id: string; displayName: string };
  startedAt: string;
  updatedAt: string;
  consent: { state: 'not_checked' | 'granted' | 'not_consented' | 'missing_permissions'; missing: string[]; checkedAt: string | null };
  /** The `state` of the last admin-consent link handed out (the tab checks the redirect carries it back). */
  consentLinkState: string | null;
  companyName: string | null;
  statement: { vision: string; mission: string; values: { name: string; description: string }[]; differentiator: string } | null;
  strategies: { id: string; title: string; why: string; customerImpact: string; measures: string[] }[];
  teams: { groupId: string; displayName: string; isTeam: boolean }[];
  /** Set by the finish, in the same batch as the teams and the admin's person record. */
  finishedAt: string | null;
}
