/** Issue 13's pure rules by worked examples: what a learner hears after each try, and whom "remind the people behind" reminds. */
import { describe, expect, it } from 'vitest';
import { recordAnswer, toAnswerRecord } from '../../../api/src/domain/onboarding/answer-feedback.js';
import { remindersForPeopleBehind } from '../../../api/src/domain/onboarding/remind-behind.js';
import { renderModule } from '../../../api/src/domain/onboarding/module-rendering.js';
import { moduleContentSchema } from '../../../api/src/shared/contracts.js';
import { assignment } from './onboarding-fixtures.js';

const T0 = '2026-03-02T10:00:00.000Z';
const CONTENT = moduleContentSchema.parse({
  title: 'Checks',
  estimatedMinutes: 5,
  sections: [{ id: 's1', title: 'One', blocks: [{ type: 'paragraph', text: 'Text.' }] }],
  questions: [
    {
      id: 'q2', prompt: 'Stays?', kind: 'multiple',
      options: [
        { id: 'x', text: 'Safety', explanation: 'Safety stays, always.' },
        { id: 'y', text: 'Two invoices', explanation: 'Customers get one invoice now.' },
        { id: 'z', text: 'Grenoble' },
      ],
      correctOptionIds: ['x', 'z'], explanation: 'Safety and Grenoble.', hint: 'Two things stay.',
    },
  ],
  acknowledgement: 'I understand.',
});
const question = CONTENT.questions[0]!;

describe('what a learner hears after each try', () => {
  it('first wrong try: why the WRONG picks are wrong and the hint; nothing of the right answer (not even a right pick’s explanation)', () => {
    const first = recordAnswer(undefined, question, ['x', 'y'], T0);
    expect(toAnswerRecord(first, CONTENT)).toEqual({
      questionId: 'q2', selectedOptionIds: ['x', 'y'], correct: false, firstTryCorrect: false, attempts: 1,
      revealed: false, correctOptionIds: [], explanation: '', feedback: ['Customers get one invoice now.', 'Two things stay.'],
    });
  });

  it('second wrong try: the right answer and its explanation; after that it stays shown, and the first try still counts', () => {
    const second = recordAnswer(recordAnswer(undefined, question, ['y'], T0), question, ['x'], T0);
    expect(toAnswerRecord(second, CONTENT)).toMatchObject({ correct: false, attempts: 2, revealed: true, correctOptionIds: ['x', 'z'], explanation: 'Safety and Grenoble.', feedback: ['Safety stays, always.'] });
    const third = recordAnswer(second, question, ['x', 'z'], T0);
    expect(toAnswerRecord(third, CONTENT)).toMatchObject({ correct: true, firstTryCorrect: false, attempts: 3, revealed: true });
  });

  it('right first time: shown at once; answers stored before issue 13 (no `revealed`) keep the rule', () => {
    expect(toAnswerRecord(recordAnswer(undefined, question, ['z', 'x'], T0), CONTENT)).toMatchObject({ correct: true, firstTryCorrect: true, revealed: true, correctOptionIds: ['x', 'z'] });
    const { revealed: _, ...legacy } = recordAnswer(undefined, question, ['y'], T0);
    expect(toAnswerRecord(legacy, CONTENT)).toMatchObject({ revealed: false, correctOptionIds: [] });
  });

  it('the module as read carries no option explanations or hints', () => {
    expect(JSON.stringify(renderModule(CONTENT, { organisation: undefined, strategies: [] }).questions)).not.toMatch(/explanation|hint|stays, always|Two things/);
  });
});

describe('whom "remind the people behind" reminds', () => {
  const now = new Date('2026-03-12T10:00:00.000Z');
  const base = { inactive: new Set<string>(), teamsAppId: 'app', now };

  it('the not started and the overdue, once each, on the newest assignment they hold; never the finished, the inactive or those not yet started', () => {
    const v1 = assignment({ id: 'a1', recipientIds: ['done', 'late', 'fresh', 'gone', 'both'], dueDate: '2026-03-10', createdAt: '2026-03-01T09:00:00.000Z' });
    const v2 = assignment({ id: 'a2', moduleVersionId: 'm1-v2', version: 2, recipientIds: ['both'], dueDate: '2026-03-20', createdAt: '2026-03-05T09:00:00.000Z' });
    const later = assignment({ id: 'a3', moduleVersionId: 'm1-v3', version: 3, recipientIds: ['scheduled'], dueDate: '2026-03-30', startAt: '2026-03-15T09:00:00.000Z', createdAt: '2026-03-06T09:00:00.000Z' });
    const progress = [
      { assignmentId: 'a1', userId: 'done', completedAt: '2026-03-09T09:00:00.000Z', startedAt: '2026-03-08T09:00:00.000Z' },
      { assignmentId: 'a1', userId: 'late', completedAt: null, startedAt: '2026-03-08T09:00:00.000Z' },
      { assignmentId: 'a2', userId: 'both', completedAt: null, startedAt: '2026-03-08T09:00:00.000Z' },
    ];
    const requests = remindersForPeopleBehind({ ...base, assignments: [v1, v2, later], progress, inactive: new Set(['gone']) });
    // 'late' is overdue (started, not finished); 'fresh' never started; 'both' is on v2 (started, not yet due): not behind.
    expect(requests.map((request) => [request.recipientUserId, request.assignmentId])).toEqual([['fresh', 'a1'], ['late', 'a1']]);
    expect(requests.map((request) => request.idempotencyKey)).toEqual(['reminder:fresh:2026-03-12', 'reminder:late:2026-03-12']);
    expect(requests[0]).toMatchObject({ kind: 'reminder', content: { activityType: 'moduleReminder', templateParameters: { moduleTitle: 'Our mission', dueDate: 'March 10, 2026' } } });
    expect(requests[1]!.content.previewText).toBe('Reminder: Our mission was due 2 days ago (March 10, 2026).');
  });
});
