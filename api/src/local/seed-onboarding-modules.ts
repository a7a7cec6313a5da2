/** Demo onboarding modules for Contoso people who joined from Fabrikam (structured content, no HTML). */
import type { ModuleContent } from '../shared/contracts.js';

export const MISSION_MODULE: ModuleContent = {
  title: 'Our mission and why it matters',
  summary: 'What Contoso Logistics promises its customers, in the words we use every day — and what it means for you coming from Fabrikam.',
  estimatedMinutes: 10,
  sections: [
    {
      id: 'promise',
      title: 'The promise we make',
      blocks: [
        { type: 'heading', text: 'Every shipment arrives when we promised' },
        { type: 'paragraph', text: 'Our customers are mid-sized manufacturers. When a pallet is late, a production line stops. That is why a delivery window at Contoso is a commitment, not an estimate — and why we refund customers when we miss it.' },
        { type: 'strategyMap', caption: 'Our vision and the strategies we work on now (live: always the current map)' },
      ],
    },
    {
      id: 'then-and-now',
      title: 'Fabrikam then, Contoso now',
      blocks: [
        {
          type: 'thenAndNow',
          formerCompany: 'Fabrikam Freight',
          formerMission: 'We run the cross-docks and mountain routes that connect Northern Italy, Switzerland and South-East France.',
          formerValues: ['Safety first, every pass', 'Local knowledge', 'One team after the merger'],
          stays: ['Safety first on every Alpine crossing — nothing overrides it', 'Grenoble stays our cross-dock for the whole Alpine region', 'Your customers keep the people they know'],
          changes: ['One tracking platform and one invoice for every customer', 'Delivery windows are guaranteed, with refunds when we miss them', 'Delays are announced to customers before they ask'],
          why: 'Customers of both companies told us the same thing: they want one partner, one number to call and arrival times they can plan a production line around.',
        },
      ],
    },
    {
      id: 'values',
      title: 'Our values in practice',
      blocks: [
        { type: 'list', ordered: false, items: ['Keep the promise: a window is a commitment', 'Say it plainly: bad news early beats good news late', 'Own the whole journey: a stuck pallet is our problem', 'Learn in the open: share what went wrong'] },
        { type: 'link', text: 'Read the full merger announcement', url: 'https://www.example.com/contoso-fabrikam-merger' },
      ],
    },
  ],
  questions: [
    {
      id: 'window',
      prompt: 'A customer asks whether the delivery window is an estimate. What do you tell them?',
      kind: 'single',
      options: [
        { id: 'a', text: 'It is our best estimate, usually within a day' },
        { id: 'b', text: 'It is a commitment, and we refund when we miss it' },
        { id: 'c', text: 'It depends on which network carries the goods' },
      ],
      correctOptionIds: ['b'],
      explanation: 'A delivery window is a commitment, not an estimate — that is our differentiator, backed by a refund.',
    },
    {
      id: 'stays',
      prompt: 'Which of these stay the same after the merger? Pick all that apply.',
      kind: 'multiple',
      options: [
        { id: 'safety', text: 'Safety first on Alpine crossings' },
        { id: 'invoices', text: 'Separate Fabrikam invoices' },
        { id: 'grenoble', text: 'Grenoble as the Alpine cross-dock' },
      ],
      correctOptionIds: ['safety', 'grenoble'],
      explanation: 'Safety and Grenoble stay; customers move to one platform and one invoice.',
    },
  ],
  acknowledgement: 'I understand our mission and how my work keeps the promise we make to customers.',
};

export const STRATEGIES_MODULE: ModuleContent = {
  title: 'How our strategies serve customers',
  summary: 'The four strategies we work on this year, why each matters now and what it changes for customers.',
  estimatedMinutes: 12,
  sections: [
    {
      id: 'map',
      title: 'The strategy map',
      blocks: [
        { type: 'paragraph', text: 'Each strategy says why it is a focus now and how it serves customers. Every task in Line of Sight links to one of them.' },
        { type: 'strategyMap' },
      ],
    },
    {
      id: 'one-platform',
      title: 'Bringing Fabrikam customers onto one platform',
      blocks: [
        { type: 'paragraph', text: 'Since the merger, a third of our customers deal with two tracking systems, two invoices and two phone numbers. You know these customers best: your help moving them is the strategy.' },
        { type: 'list', ordered: true, items: ['Check which of your customers still use the Fabrikam portal', 'Book their move with Customer Success', 'Tell them who their one named coordinator will be'] },
      ],
    },
  ],
  questions: [
    {
      id: 'calls',
      prompt: 'Why do we tell customers about delays before they ask?',
      kind: 'single',
      options: [
        { id: 'a', text: 'Half of coordinator calls are "where is my shipment?" after delays we already knew about' },
        { id: 'b', text: 'It is a legal requirement for freight carriers' },
      ],
      correctOptionIds: ['a'],
      explanation: 'Telling customers early lets them rearrange their day, and frees coordinators from avoidable calls.',
    },
  ],
  acknowledgement: 'I understand how our strategies serve customers and which ones my work supports.',
};

export const FIRST_WEEK_MODULE: ModuleContent = {
  title: 'Your first week: linking your tasks',
  summary: 'Use Line of Sight in Teams to link each of your tasks to the strategy it serves, in one sentence.',
  estimatedMinutes: 6,
  sections: [
    {
      id: 'link',
      title: 'Link a task in three steps',
      blocks: [
        { type: 'list', ordered: true, items: ['Open Line of Sight in Teams', 'Add a task or pick one under "Not linked yet"', 'Choose the strategy and write how the task serves it'] },
        { type: 'paragraph', text: 'Good sentences name the customer outcome: "Customers see the delay the moment it happens instead of discovering it on arrival."' },
      ],
    },
  ],
  questions: [
    {
      id: 'sentence',
      prompt: 'Which sentence best says how a task serves a strategy?',
      kind: 'single',
      options: [
        { id: 'a', text: 'Important for the business' },
        { id: 'b', text: 'Trucks that return empty from Madrid carry Getafe freight back instead' },
      ],
      correctOptionIds: ['b'],
      explanation: 'A good sentence names a concrete change for customers or the business, not a label.',
    },
  ],
  acknowledgement: 'I will link my tasks to the strategies they serve this week.',
};
