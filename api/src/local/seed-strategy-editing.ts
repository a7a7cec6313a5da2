/**
 * Demo data for leaders' editing: owners, progress and measures of success on the seeded
 * strategies, and a few audit entries so a strategy's history is not empty. The entries' dates are
 * fixed and old, so they show in history but not as "changed since your last visit".
 */
import { snapshotOf, type AuditDocument } from '../data/audit.js';
import { ORGANISATION_DOCUMENT_ID, type StrategyDocument } from '../data/documents.js';
import type { StrategyProgress } from '../shared/contracts.js';
import { CONTOSO_IDS } from './seed-contoso.js';
import { FABRIKAM_IDS } from './seed-fabrikam.js';
import type { SeedTenant } from './seed-types.js';

type StrategyExtras = { ownerId: string | null; progress: StrategyProgress; measures: string[] };

const c = CONTOSO_IDS;
const f = FABRIKAM_IDS;

export const STRATEGY_EXTRAS: Readonly<Record<string, StrategyExtras>> = {
  [c.strategies.onTime]: {
    ownerId: c.people.aisha, progress: 'at_risk',
    measures: ['On-time delivery rate back to 94% by June', 'Fewer than 5 missed windows a week per route'],
  },
  [c.strategies.onePlatform]: {
    ownerId: c.people.grace, progress: 'on_track',
    measures: ['All Fabrikam customers on one login by Q3', 'One invoice per customer'],
  },
  [c.strategies.proactiveTracking]: {
    ownerId: c.people.daniel, progress: 'on_track',
    measures: ['"Where is my shipment?" calls down by half', 'Delay notices sent within 15 minutes'],
  },
  [c.strategies.emptyKm]: { ownerId: c.people.aisha, progress: 'not_started', measures: ['Empty kilometres down 15% year on year'] },
  [c.strategies.lyon]: { ownerId: null, progress: 'off_track', measures: [] },
  [f.strategies.alpineCrossDock]: { ownerId: f.people.marc, progress: 'on_track', measures: ['One truck change for every Alpine shipment'] },
  [f.strategies.joinContoso]: { ownerId: f.people.yara, progress: 'at_risk', measures: ['No customer loses their coordinator'] },
  [f.strategies.coldChain]: { ownerId: f.people.yara, progress: 'not_started', measures: [] },
};

/** The stored strategy document for a seeded strategy, extras included. */
export function seedStrategyDocument(tenantId: string, strategy: SeedTenant['strategies'][number]): StrategyDocument {
  return { ...strategy, tenantId, type: 'strategy', ...(STRATEGY_EXTRAS[strategy.id] ?? {}) };
}

const at = (day: number) => new Date(Date.parse('2026-01-05T09:00:00.000Z') + day * 86_400_000).toISOString();

/** A few past changes per tenant: the strategy map's history starts with something to show. */
export function seedAuditEntries(tenant: SeedTenant): AuditDocument[] {
  const leader = tenant.people.find((person) => person.roles.includes('Leader'));
  if (!leader) return [];
  const actor = { id: leader.id, displayName: leader.displayName };
  const base = { tenantId: tenant.id, type: 'audit' as const, actor };
  const organisation = { ...tenant.organisation, id: ORGANISATION_DOCUMENT_ID, tenantId: tenant.id, type: 'organisation' };
  const entries: AuditDocument[] = [
    {
      ...base, id: `audit-seed-${tenant.id}-org`, entityType: 'organisation', entityId: ORGANISATION_DOCUMENT_ID, action: 'update', at: at(1),
      before: snapshotOf({ ...organisation, vision: 'Be the most reliable carrier in our region.' }), after: snapshotOf(organisation),
    },
  ];
  tenant.strategies.forEach((strategy, index) => {
    const document = seedStrategyDocument(tenant.id, strategy);
    const created = { ...document, status: 'active' as const };
    entries.push({
      ...base, id: `audit-seed-${strategy.id}-create`, entityType: 'strategy', entityId: strategy.id, action: 'create', at: at(2 + index),
      before: null, after: snapshotOf({ ...created, progress: 'not_started', measures: [] }),
    });
    entries.push({
      ...base, id: `audit-seed-${strategy.id}-update`, entityType: 'strategy', entityId: strategy.id, action: 'update', at: at(10 + index),
      before: snapshotOf({ ...created, progress: 'not_started', measures: [] }), after: snapshotOf(created),
    });
    if (strategy.status === 'archived') {
      entries.push({
        ...base, id: `audit-seed-${strategy.id}-archive`, entityType: 'strategy', entityId: strategy.id, action: 'archive', at: at(20 + index),
        before: snapshotOf(created), after: snapshotOf(document),
      });
    }
  });
  return entries;
}
