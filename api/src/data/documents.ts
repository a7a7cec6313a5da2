/**
 * Shapes of the documents stored in Cosmos DB. Every document carries `tenantId`,
 * the partition key of every container.
 */
import type { Organisation, Role, Strategy } from '../shared/contracts.js';

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
}

export interface TeamDocument {
  id: string;
  tenantId: string;
  type: 'team';
  name: string;
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
}
