/**
 * Demo tenant 1: Contoso Logistics, the acquiring company. A full organisation, five
 * strategies (one archived), three teams, nine people and their tasks.
 */
import type { SeedTenant } from './seed-types.js';
import { seedGuid } from './seed-types.js';

const person = (n: number) => seedGuid('c0a70001', n);
const team = (n: number) => seedGuid('c0a70002', n);
const strategy = (n: number) => seedGuid('c0a70003', n);
const task = (n: number) => seedGuid('c0a70004', n);

export const CONTOSO_TENANT_ID = 'c0a70000-0000-4000-8000-000000000001';

export const CONTOSO_IDS = {
  tenant: CONTOSO_TENANT_ID,
  teams: { operations: team(1), customerSuccess: team(2), platform: team(3) },
  people: {
    aisha: person(1), ben: person(2), chiara: person(3), daniel: person(4), elena: person(5),
    farid: person(6), grace: person(7), hugo: person(8), ines: person(9),
    // Joined from Fabrikam in the merger (now Contoso accounts): the "Joined from Fabrikam" onboarding cohort.
    jonas: person(10), lucia: person(11), marco: person(12), nadia: person(13),
  },
  strategies: { onTime: strategy(1), onePlatform: strategy(2), proactiveTracking: strategy(3), emptyKm: strategy(4), lyon: strategy(5) },
} as const;

const { people: p, strategies: s, teams: t } = CONTOSO_IDS;

export const CONTOSO: SeedTenant = {
  id: CONTOSO_TENANT_ID,
  name: 'Contoso Logistics',
  organisation: {
    name: 'Contoso Logistics',
    vision: 'Every shipment arrives when we promised, and every customer knows where it is.',
    mission:
      'We move goods for mid-sized manufacturers across Europe with the reliability of a large carrier and the attention of a small one.',
    values: [
      { name: 'Keep the promise', description: 'A delivery window is a commitment, not an estimate.' },
      { name: 'Say it plainly', description: 'Bad news early and in plain words beats good news late.' },
      { name: 'Own the whole journey', description: 'If a pallet is stuck, it is our problem, whoever touched it last.' },
      { name: 'Learn in the open', description: 'We share what went wrong so the next shift does not repeat it.' },
    ],
    differentiator:
      'One named coordinator per customer, live tracking on every pallet, and a delivery-window guarantee we refund when we miss it.',
  },
  strategies: [
    {
      id: s.onTime, order: 1, status: 'active', title: 'Deliver inside the promised window',
      why: 'Late deliveries are the first reason customers leave us, and our on-time rate fell from 94% to 89% as volume grew last year.',
      customerImpact: 'Manufacturers can plan their production lines around our arrival times instead of holding buffer stock.',
    },
    {
      id: s.onePlatform, order: 2, status: 'active', title: 'Bring Fabrikam customers onto one platform',
      why: 'Since the merger a third of our customers deal with two tracking systems, two invoices and two phone numbers.',
      customerImpact: 'One login, one invoice and one coordinator, whichever network carries the goods.',
    },
    {
      id: s.proactiveTracking, order: 3, status: 'active', title: 'Tell customers about delays before they ask',
      why: 'Half of all calls to coordinators are "where is my shipment?", and most of them come after a delay we already knew about.',
      customerImpact: 'Customers hear about exceptions and the new arrival time early enough to rearrange their day.',
    },
    {
      id: s.emptyKm, order: 4, status: 'active', title: 'Cut empty kilometres by 15%',
      why: 'Empty return legs cost us margin and carbon, and customers now ask for emissions figures in every tender.',
      customerImpact: 'Steadier rates and a per-shipment CO2 report customers can use in their own sustainability reporting.',
    },
    {
      id: s.lyon, order: 5, status: 'archived', title: 'Open a cross-dock in Lyon',
      why: 'Paused after the merger: Fabrikam already runs a cross-dock in Grenoble.',
      customerImpact: 'Shorter transit times for customers in the Rhône-Alpes region.',
    },
  ],
  teams: [
    { id: t.operations, name: 'Operations', strategyIds: [s.onTime, s.emptyKm] },
    { id: t.customerSuccess, name: 'Customer Success', strategyIds: [s.proactiveTracking, s.onePlatform] },
    // Platform is not mapped yet: the insights view shows it as a gap to close.
    { id: t.platform, name: 'Platform Engineering' },
  ],
  people: [
    { id: p.aisha, displayName: 'Aisha Khan', teamId: t.operations, roles: ['Employee', 'Leader'] },
    { id: p.ben, displayName: 'Ben Carter', teamId: t.operations, roles: ['Employee'] },
    { id: p.chiara, displayName: 'Chiara Rossi', teamId: t.operations, roles: ['Employee'] },
    { id: p.daniel, displayName: 'Daniel Okafor', teamId: t.customerSuccess, roles: ['Employee', 'Leader'] },
    { id: p.elena, displayName: 'Elena Petrova', teamId: t.customerSuccess, roles: ['Employee'] },
    { id: p.farid, displayName: 'Farid Haddad', teamId: t.platform, roles: ['Employee'] },
    { id: p.grace, displayName: 'Grace Lee', teamId: t.platform, roles: ['Employee', 'Leader', 'Admin'] },
    { id: p.hugo, displayName: 'Hugo Martins', teamId: t.platform, roles: ['Employee'] },
    { id: p.ines, displayName: 'Inês Duarte', teamId: t.customerSuccess, roles: ['Employee'] },
    { id: p.jonas, displayName: 'Jonas Weber', teamId: t.operations, roles: ['Employee'], formerCompany: 'Fabrikam Freight' },
    { id: p.lucia, displayName: 'Lucía Fernández', teamId: t.customerSuccess, roles: ['Employee'], formerCompany: 'Fabrikam Freight' },
    { id: p.marco, displayName: 'Marco Bianchi', teamId: t.platform, roles: ['Employee'], formerCompany: 'Fabrikam Freight' },
    { id: p.nadia, displayName: 'Nadia Rahman', teamId: t.operations, roles: ['Employee'], formerCompany: 'Fabrikam Freight' },
  ],
  tasks: [
    // Ben Carter (Operations), the default demo employee: linked, unlinked and one on an archived strategy.
    { id: task(1), ownerId: p.ben, strategyId: s.onTime, title: 'Re-plan the Tuesday Porto–Madrid run around the new loading slots',
      howItServes: 'Loading at the new slots removes the two-hour wait that made Madrid deliveries miss their window.' },
    { id: task(2), ownerId: p.ben, strategyId: s.emptyKm, title: 'Pair Madrid drop-offs with Getafe pick-ups',
      howItServes: 'Trucks that now return empty from Madrid carry Getafe freight back instead.' },
    { id: task(3), ownerId: p.ben, strategyId: s.proactiveTracking, title: 'Log every dock delay over 30 minutes in the tracking feed',
      howItServes: 'Customers see the delay the moment it happens instead of discovering it on arrival.' },
    { id: task(4), ownerId: p.ben, strategyId: null, title: 'Renew forklift certification', howItServes: '' },
    { id: task(5), ownerId: p.ben, strategyId: s.lyon, title: 'Collect quotes for Lyon warehouse racking',
      howItServes: 'Racking quotes let us size the Lyon cross-dock.' },
    // Aisha Khan (Operations lead)
    { id: task(6), ownerId: p.aisha, strategyId: s.onTime, title: 'Publish weekly on-time rate per route',
      howItServes: 'Each route team sees where the window slips and can fix it the same week.' },
    { id: task(7), ownerId: p.aisha, strategyId: s.onePlatform, title: 'Agree one dispatch calendar with the Fabrikam Grenoble team',
      howItServes: 'Merged customers get one booking calendar whichever depot loads their goods.' },
    { id: task(8), ownerId: p.aisha, strategyId: null, title: 'Plan the summer holiday rota', howItServes: '' },
    // Chiara Rossi (Operations)
    { id: task(9), ownerId: p.chiara, strategyId: s.emptyKm, title: 'Map return legs from Milan with under 40% load',
      howItServes: 'Knowing the emptiest legs shows where a backhaul partner saves the most kilometres.' },
    { id: task(10), ownerId: p.chiara, strategyId: s.onTime, title: 'Move Milan pick-ups before the 7:00 ring-road peak',
      howItServes: 'Leaving before the peak keeps the morning deliveries inside their window.' },
    // Daniel Okafor (Customer Success lead)
    { id: task(11), ownerId: p.daniel, strategyId: s.onePlatform, title: 'Call the 20 largest Fabrikam customers about the platform move',
      howItServes: 'Our biggest merged customers hear the plan from a person before anything changes for them.' },
    { id: task(12), ownerId: p.daniel, strategyId: s.proactiveTracking, title: 'Write the delay message templates with legal',
      howItServes: 'Coordinators can send a clear, approved delay notice in one click.' },
    // Elena Petrova (Customer Success)
    { id: task(13), ownerId: p.elena, strategyId: s.proactiveTracking, title: 'Turn on SMS alerts for the pilot customers',
      howItServes: 'Pilot customers get a text when their arrival time moves by more than 30 minutes.' },
    { id: task(14), ownerId: p.elena, strategyId: s.onePlatform, title: 'Merge duplicate customer records for the Fabrikam accounts',
      howItServes: 'One record per customer means one invoice and one coordinator.' },
    { id: task(15), ownerId: p.elena, strategyId: null, title: 'Tidy the shared coordinators mailbox', howItServes: '' },
    // Farid Haddad (Platform)
    { id: task(16), ownerId: p.farid, strategyId: s.onePlatform, title: 'Import Fabrikam shipments into the tracking database',
      howItServes: 'Merged customers see all their shipments in one tracking view.' },
    { id: task(17), ownerId: p.farid, strategyId: s.proactiveTracking, title: 'Predict arrival times from live GPS and dock queues',
      howItServes: 'Customers get a realistic arrival time that updates itself when a truck is held up.' },
    // Grace Lee (Platform lead, admin)
    { id: task(18), ownerId: p.grace, strategyId: s.onePlatform, title: 'Decide the single sign-on plan for merged customers',
      howItServes: 'Customers from both companies sign in once to see everything we carry for them.' },
    { id: task(19), ownerId: p.grace, strategyId: s.emptyKm, title: 'Add CO2 per shipment to the customer report',
      howItServes: 'Customers get the emissions figure their tenders ask for without emailing us.' },
    { id: task(20), ownerId: p.grace, strategyId: null, title: 'Review cloud spend for the quarter', howItServes: '' },
    // Hugo Martins (Platform)
    { id: task(21), ownerId: p.hugo, strategyId: s.emptyKm, title: 'Suggest backhaul loads to dispatchers in the planning screen',
      howItServes: 'Dispatchers see a return load before a truck leaves empty.' },
    { id: task(22), ownerId: p.hugo, strategyId: s.onTime, title: 'Alert dispatch when a route plan cannot make its window',
      howItServes: 'Planners fix an impossible plan before the truck leaves, not after the customer calls.' },
    { id: task(23), ownerId: p.hugo, strategyId: null, title: 'Upgrade the build servers', howItServes: '' },
  ],
};
