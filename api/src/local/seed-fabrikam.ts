/**
 * Demo tenant 2: Fabrikam Freight, the company Contoso merged with. Still its own Entra tenant,
 * so its data must never show up for Contoso people (and the other way round).
 */
import type { SeedTenant } from './seed-types.js';
import { seedGuid } from './seed-types.js';

const person = (n: number) => seedGuid('fab00001', n);
const team = (n: number) => seedGuid('fab00002', n);
const strategy = (n: number) => seedGuid('fab00003', n);
const task = (n: number) => seedGuid('fab00004', n);

export const FABRIKAM_TENANT_ID = 'fab00000-0000-4000-8000-000000000001';

export const FABRIKAM_IDS = {
  tenant: FABRIKAM_TENANT_ID,
  teams: { grenobleDepot: team(1), sales: team(2) },
  people: { marc: person(1), sofia: person(2), tomas: person(3), yara: person(4) },
  strategies: { alpineCrossDock: strategy(1), joinContoso: strategy(2), coldChain: strategy(3) },
} as const;

const { people: p, strategies: s, teams: t } = FABRIKAM_IDS;

export const FABRIKAM: SeedTenant = {
  id: FABRIKAM_TENANT_ID,
  name: 'Fabrikam Freight',
  organisation: {
    name: 'Fabrikam Freight',
    vision: 'The Alps are never the slow part of a European supply chain.',
    mission: 'We run the cross-docks and mountain routes that connect Northern Italy, Switzerland and South-East France.',
    values: [
      { name: 'Safety first, every pass', description: 'No delivery is worth a risk on a mountain road.' },
      { name: 'Local knowledge', description: 'Our drivers know the passes, the customs posts and the customers by name.' },
      { name: 'One team after the merger', description: 'We build the combined company with Contoso, not next to it.' },
    ],
    differentiator: 'Alpine routes with winter-proof timetables and temperature-controlled trailers on every crossing.',
  },
  strategies: [
    {
      id: s.alpineCrossDock, order: 1, status: 'active', title: 'Make Grenoble the cross-dock for the whole Alpine region',
      why: 'Contoso paused its own Lyon plans because Grenoble can serve the region sooner and cheaper.',
      customerImpact: 'Shipments to and from the Alps change trucks once, in one place, with one set of paperwork.',
    },
    {
      id: s.joinContoso, order: 2, status: 'active', title: 'Move our customers onto the Contoso platform without a bumpy ride',
      why: 'Two systems double the work for our coordinators and confuse customers who now buy from both networks.',
      customerImpact: 'Customers keep their coordinator and their rates while gaining live tracking across Europe.',
    },
    {
      id: s.coldChain, order: 3, status: 'active', title: 'Grow temperature-controlled freight for food producers',
      why: 'Cheese and cured-meat producers in Savoie and Aosta keep asking for reliable cold transport over the passes.',
      customerImpact: 'Producers reach new markets without losing a load to a broken cold chain.',
    },
  ],
  teams: [
    { id: t.grenobleDepot, name: 'Grenoble Depot' },
    { id: t.sales, name: 'Sales' },
  ],
  people: [
    { id: p.marc, displayName: 'Marc Girard', teamId: t.grenobleDepot, roles: ['Employee', 'Leader', 'Admin'] },
    { id: p.sofia, displayName: 'Sofia Bianchi', teamId: t.grenobleDepot, roles: ['Employee'] },
    { id: p.tomas, displayName: 'Tomás Weber', teamId: t.sales, roles: ['Employee'] },
    { id: p.yara, displayName: 'Yara Nilsson', teamId: t.sales, roles: ['Employee', 'Leader'] },
  ],
  tasks: [
    { id: task(1), ownerId: p.sofia, strategyId: s.alpineCrossDock, title: 'Add two night-shift loading bays in Grenoble',
      howItServes: 'Night loading lets Alpine freight change trucks without waiting for the morning shift.' },
    { id: task(2), ownerId: p.sofia, strategyId: s.coldChain, title: 'Check the reefer trailers before the winter season',
      howItServes: 'Trailers that hold temperature on the passes keep producers\u2019 loads sellable.' },
    { id: task(3), ownerId: p.sofia, strategyId: null, title: 'Order new hi-vis jackets', howItServes: '' },
    { id: task(4), ownerId: p.tomas, strategyId: s.coldChain, title: 'Visit three Aosta cheese producers',
      howItServes: 'Hearing their cold-chain needs first-hand shapes the service we offer them.' },
    { id: task(5), ownerId: p.tomas, strategyId: s.joinContoso, title: 'Explain the platform move to the Chambéry accounts',
      howItServes: 'Customers hear what changes for them, and what does not, from the person they already know.' },
    { id: task(6), ownerId: p.marc, strategyId: s.joinContoso, title: 'Agree the customer migration order with Contoso',
      howItServes: 'Customers move in a planned order instead of all at once, so nobody is left without tracking.' },
    { id: task(7), ownerId: p.yara, strategyId: s.alpineCrossDock, title: 'Price the Grenoble cross-dock for Contoso customers',
      howItServes: 'Contoso customers in the Alps get one clear price for the regional cross-dock.' },
  ],
};
