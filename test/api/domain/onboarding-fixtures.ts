/** A small module and assignment for the onboarding domain tests. */
import type { AssignmentDocument } from '../../../api/src/data/onboarding-documents.js';
import { moduleContentSchema, type ModuleContent } from '../../../api/src/shared/contracts.js';

export const TENANT = 'tenant-1';

export const CONTENT: ModuleContent = moduleContentSchema.parse({
  title: 'Our mission',
  estimatedMinutes: 5,
  sections: [
    { id: 's1', title: 'Promise', blocks: [{ type: 'paragraph', text: 'We keep the window.' }, { type: 'strategyMap' }] },
    {
      id: 's2',
      title: 'Then and now',
      blocks: [{ type: 'thenAndNow', formerCompany: 'Fabrikam', formerMission: 'Alps', formerValues: ['Safety'], stays: ['Safety'], changes: ['One invoice'], why: 'Customers asked.' }],
    },
  ],
  questions: [
    { id: 'q1', prompt: 'Window?', kind: 'single', options: [{ id: 'a', text: 'Estimate' }, { id: 'b', text: 'Commitment' }], correctOptionIds: ['b'], explanation: 'It is a commitment.' },
    { id: 'q2', prompt: 'Stays?', kind: 'multiple', options: [{ id: 'x', text: 'Safety' }, { id: 'y', text: 'Two invoices' }, { id: 'z', text: 'Grenoble' }], correctOptionIds: ['x', 'z'], explanation: 'Safety and Grenoble.' },
  ],
  acknowledgement: 'I understand.',
});

export function assignment(overrides: Partial<AssignmentDocument> = {}): AssignmentDocument {
  return {
    id: 'as1', tenantId: TENANT, type: 'assignment', cohortId: 'c1', moduleId: 'm1', moduleVersionId: 'm1-v1', version: 1,
    moduleTitle: 'Our mission', dueDate: '2026-03-10', startAt: null, audience: 'everyone', recipientIds: ['u1', 'u2'],
    createdAt: '2026-03-01T09:00:00.000Z', createdBy: 'lead', ...overrides,
  };
}
