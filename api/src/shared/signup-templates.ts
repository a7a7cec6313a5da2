/**
 * Starter templates for a new organisation's first strategies: a sensible first draft an admin
 * adapts in the wizard (everything stays editable). Shared by the tab and the API's tests.
 */
import type { StarterTemplate } from './signup-contracts.js';

export const STARTER_TEMPLATES: readonly StarterTemplate[] = [
  {
    id: 'customer-service',
    name: 'Customer service business',
    description: 'Keep promises to customers, grow loyal accounts, run lean.',
    statement: {
      vision: 'Every customer trusts us to keep our word.',
      mission: 'We deliver what we promise, when we promise it, and make it easy to work with us.',
      values: [
        { name: 'Keep promises', description: 'We say what we will do, then do it.' },
        { name: 'Own it', description: 'We fix problems instead of passing them on.' },
      ],
      differentiator: 'Customers get one accountable person and a promise we keep.',
    },
    strategies: [
      { title: 'Deliver on time, every time', why: 'Late deliveries are the main reason customers leave.', customerImpact: 'Customers can plan around us.', measures: ['On-time delivery rate'] },
      { title: 'Grow loyal accounts', why: 'Returning customers cost less to serve and recommend us.', customerImpact: 'Customers get a partner who knows them.', measures: ['Repeat order rate'] },
      { title: 'Simplify how we work', why: 'Manual steps slow us down and cause mistakes.', customerImpact: 'Fewer errors and faster answers.', measures: [] },
    ],
  },
  {
    id: 'product-growth',
    name: 'Product company',
    description: 'Build what customers need, win new markets, keep quality high.',
    statement: {
      vision: 'Our product is the obvious choice for the people it serves.',
      mission: 'We build simple, reliable products by listening to the people who use them.',
      values: [
        { name: 'Customer first', description: 'We decide with the customer in the room.' },
        { name: 'Quality', description: 'We ship work we are proud of.' },
      ],
      differentiator: 'The simplest product in its market, backed by people who answer.',
    },
    strategies: [
      { title: 'Build what customers ask for', why: 'Our roadmap drifted from customer needs.', customerImpact: 'Customers see their requests shipped.', measures: ['Requests shipped per quarter'] },
      { title: 'Enter one new market', why: 'Our home market is saturating.', customerImpact: 'New customers get a proven product.', measures: [] },
    ],
  },
];
