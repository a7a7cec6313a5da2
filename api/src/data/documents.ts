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
}

export interface TeamDocument {
  id: string;
  tenantId: string;
  type: 'team';
  name: string;
  /** Strategies the team serves, mapped by a leader (absent = none yet). */
  strategyIds?: string[];
  /** The Teams channel whose channel tab shows this team's line of sight. */
  channel?: { teamsTeamId: string; channelId: string };
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
