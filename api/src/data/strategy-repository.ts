import type { Container } from '@azure/cosmos';
import type { Organisation, Strategy } from '../shared/contracts.js';
import {
  ORGANISATION_DOCUMENT_ID,
  type OrganisationDocument,
  type StrategyContainerDocument,
  type StrategyDocument,
} from './documents.js';

export interface StrategyRepository {
  getOrganisation(tenantId: string): Promise<Organisation | undefined>;
  /** All strategies of the tenant (active and archived), in their display order. */
  listStrategies(tenantId: string): Promise<Strategy[]>;
  getStrategy(tenantId: string, strategyId: string): Promise<Strategy | undefined>;
  upsert(document: StrategyContainerDocument): Promise<void>;
}

/** Only the contract's fields leave the repository (no tenantId, type or Cosmos system properties). */
function toOrganisation(document: OrganisationDocument): Organisation {
  const { name, vision, mission, values, differentiator } = document;
  return { name, vision, mission, values: values.map(({ name, description }) => ({ name, description })), differentiator };
}

function toStrategy(document: StrategyDocument): Strategy {
  const { id, title, why, customerImpact, order, status } = document;
  return { id, title, why, customerImpact, order, status };
}

export function createStrategyRepository(container: Container): StrategyRepository {
  return {
    async getOrganisation(tenantId) {
      const { resource } = await container.item(ORGANISATION_DOCUMENT_ID, tenantId).read<OrganisationDocument>();
      return resource?.type === 'organisation' ? toOrganisation(resource) : undefined;
    },
    async listStrategies(tenantId) {
      // The tenant filter repeats the partition key on purpose: a second fence, and the local
      // embedded server does not scope queries by partition key header.
      const { resources } = await container.items
        .query<StrategyDocument>(
          {
            query: "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'strategy'",
            parameters: [{ name: '@tenantId', value: tenantId }],
          },
          // One page whatever the count (the default of 100 a page made 100+ strategies two round trips).
          { partitionKey: tenantId, maxItemCount: -1 },
        )
        .fetchAll();
      // Sorted here rather than with ORDER BY: tiny lists, and no composite index needed.
      return resources.sort((a, b) => a.order - b.order).map(toStrategy);
    },
    async getStrategy(tenantId, strategyId) {
      const { resource } = await container.item(strategyId, tenantId).read<StrategyDocument>();
      return resource?.type === 'strategy' ? toStrategy(resource) : undefined;
    },
    async upsert(document) {
      await container.items.upsert(document);
    },
  };
}
