import { beforeAll, describe, expect, it } from 'vitest';
import { contextReply, subEntityIdFromDeepLink } from '../../tabs/dev-host/host-protocol';
import { routeForSubPage } from '../../tabs/src/app/routes';
import { defaultDueDate, startAtFrom } from '../../tabs/src/features/onboarding-admin/assign-dates';
import { assignedText, pageText } from '../../tabs/src/features/onboarding-admin/format';
import { contentOf, emptyBlock, emptyDraft, move, newId, removeAt } from '../../tabs/src/features/onboarding-admin/module-draft';
import { safeHttpsUrl } from '../../tabs/src/components/module-view/ContentBlocks';
import { firstOpenStep, missingForCompletion, stepsDoneText, stepsOf } from '../../tabs/src/features/onboarding/player-steps';
import { assignmentProgress, dueText } from '../../tabs/src/features/onboarding/progress-text';
import { moduleDeepLink } from '../../api/src/notifications/notification-content';
import { nextAssignment } from '../../tabs/src/features/onboarding/next-module';
import { remindedText } from '../../tabs/src/features/onboarding-admin/components/RemindPeopleBehind';
import { dateToDay, dayToDate } from '../../tabs/src/components/DateField';
import { speak } from './support/speak';

beforeAll(() => speak('en-US'));

const module = {
  sections: [
    { id: 's1', title: 'Why we exist', blocks: [] },
    { id: 's2', title: 'Our strategies', blocks: [] },
  ],
  questions: [{ id: 'q1', prompt: 'Which?', kind: 'single' as const, options: [] }],
};
const answer = { questionId: 'q1', selectedOptionIds: ['a'], correct: true, firstTryCorrect: true, attempts: 1, revealed: true, correctOptionIds: ['a'], explanation: '', feedback: [] };

describe('landing from a Teams notification', () => {
  it('reads the deep link the API sends and opens that assignment, marked as from the notification', () => {
    const link = moduleDeepLink('app-1', 'asg-42');
    const subEntityId = subEntityIdFromDeepLink(link);
    expect(subEntityId).toBe('onboarding:asg-42:notification');
    expect(routeForSubPage(subEntityId ?? '')).toEqual({ area: 'onboarding', params: { assignment: 'asg-42', from: 'notification' } });
    expect(routeForSubPage('onboarding:asg-42')).toEqual({ area: 'onboarding', params: { assignment: 'asg-42' } });
    expect(routeForSubPage('')).toBeNull();
    expect(routeForSubPage('team-7')).toBeNull();
  });

  it('lets the host page play Teams: plain text is the subEntityId, a link without context is refused', () => {
    expect(subEntityIdFromDeepLink('  onboarding:a1:notification ')).toBe('onboarding:a1:notification');
    expect(subEntityIdFromDeepLink('https://teams.microsoft.com/l/entity/app/home')).toBeNull();
    expect(subEntityIdFromDeepLink('https://teams.microsoft.com/l/entity/app/home?context=%7Bnot-json')).toBeNull();
    expect(subEntityIdFromDeepLink('')).toBeNull();
  });

  it('hands the subEntityId to the tab in getContext, and leaves it out without a deep link', () => {
    const person = { tenantId: 't', tenantName: 'Contoso', userId: 'u', displayName: 'Ben', teamName: null, roles: ['Employee' as const] };
    const [withLink] = contextReply(person, 'default', 's', 'en-US', { kind: 'personal' }, 'onboarding:a1:notification') as [Record<string, unknown>];
    const [withoutLink] = contextReply(person, 'default', 's') as [Record<string, unknown>];
    expect(withLink.subEntityId).toBe('onboarding:a1:notification');
    expect('subEntityId' in withoutLink).toBe(false);
  });
});

describe('the module player', () => {
  it('walks sections, then knowledge checks, then the acknowledgement, and resumes at the first open step', () => {
    expect(stepsOf(module).map((step) => step.kind)).toEqual(['section', 'section', 'checks', 'finish']);
    expect(stepsOf({ ...module, questions: [] }).map((step) => step.kind)).toEqual(['section', 'section', 'finish']);
    expect(firstOpenStep(module, { sectionsDone: ['s1'], answers: [] })).toEqual({ kind: 'section', sectionId: 's2' });
    expect(firstOpenStep(module, { sectionsDone: ['s1', 's2'], answers: [] })).toEqual({ kind: 'checks' });
    expect(firstOpenStep(module, { sectionsDone: ['s2', 's1'], answers: [answer] })).toEqual({ kind: 'finish' });
  });

  it('says what still stands between the person and completing', () => {
    expect(missingForCompletion(module, { sectionsDone: ['s1'], answers: [] })).toEqual(['Read “Our strategies”', 'Answer the last knowledge check']);
    expect(missingForCompletion(module, { sectionsDone: ['s1', 's2'], answers: [answer] })).toEqual([]);
  });

  it('shows progress in numbers and words, and overdue dates plainly', () => {
    const counts = { sectionsDone: 1, sectionCount: 2, questionsAnswered: 0, questionCount: 1, status: 'in_progress' as const };
    expect(assignmentProgress(counts)).toEqual({ fraction: 0.25, text: '1 of 2 sections read, 0 of 1 questions answered' });
    expect(assignmentProgress({ ...counts, status: 'completed' })).toEqual({ fraction: 1, text: 'Completed' });
    expect(dueText({ dueDate: '2026-12-03', overdue: true, status: 'in_progress', completedAt: null }, 'en-GB')).toBe('Overdue: was due 3 December 2026');
    expect(dueText({ dueDate: '2026-12-03', overdue: false, status: 'completed', completedAt: '2026-12-01T10:00:00Z' }, 'en-GB')).toBe('Completed 1 December 2026');
  });

  it('links and shows images only for https addresses', () => {
    expect(safeHttpsUrl('https://contoso.example/mission')).toBe('https://contoso.example/mission');
    expect(safeHttpsUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpsUrl('http://contoso.example')).toBeNull();
    expect(safeHttpsUrl('https://user:pw@contoso.example')).toBeNull();
  });
});

describe('authoring and assigning', () => {
  it('adds, moves and removes sections and blocks, and sends list items without blank lines', () => {
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(removeAt(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
    expect(newId('section', ['section-1', 'section-2'])).toBe('section-3');
    const draft = emptyDraft();
    draft.sections[0]!.blocks = [{ type: 'list', ordered: false, items: ['One', ' ', 'Two '] }, emptyBlock('strategyMap')];
    const content = contentOf({ ...draft, estimatedMinutes: '12' as unknown as number });
    expect(content.estimatedMinutes).toBe(12);
    expect(content.sections[0]!.blocks[0]).toEqual({ type: 'list', ordered: false, items: ['One', 'Two'] });
  });

  it('defaults the due date to two weeks out and sends the scheduled start with an offset', () => {
    expect(defaultDueDate(new Date('2026-11-27T10:00:00Z'))).toBe('2026-12-11');
    expect(startAtFrom('')).toBeUndefined();
    expect(startAtFrom('2026-12-01T09:00')).toMatch(/^2026-12-01T\d{2}:00:00\.000Z$/);
  });
});

describe('cohort pages and assigning again', () => {
  it('says which people a page shows, of how many, and what was searched', () => {
    expect(pageText({ offset: 50, total: 130 }, 50)).toBe('Showing 51–100 of 130');
    expect(pageText({ offset: 0, total: 10 }, 10, ' ana ')).toBe('Showing 1–10 of 10 matching “ana”');
    expect(pageText({ offset: 0, total: 0 }, 0, 'zed')).toBe('Nobody matching “zed”.');
  });

  it('tells new assignments from ones the cohort already had (nobody is notified twice)', () => {
    const created = { alreadyAssigned: false, recipientCount: 130 };
    const again = { alreadyAssigned: true, recipientCount: 6 };
    expect(assignedText([created], false)).toBe('Assigned 1 module: 130 notifications on their way.');
    expect(assignedText([again], false)).toBe('1 module was already assigned to this cohort: nobody is notified twice.');
    expect(assignedText([created, again, again], true)).toBe('Assigned 1 module: 130 notifications scheduled. 2 modules were already assigned to this cohort: nobody is notified twice.');
  });
});

describe('issue 13: step counts, the next module, reminders said plainly, days for the date picker', () => {
  const progress = (sectionsDone: string[], answered: boolean, completedAt: string | null) => ({ sectionsDone, answers: answered ? [answer] : [], completedAt });
  it('counts what is done, the finish step included once completed', () => {
    expect(stepsDoneText(module, progress(['s1', 's2'], false, null))).toBe('2 of 4 steps done');
    expect(stepsDoneText(module, progress(['s1', 's2'], true, null))).toBe('3 of 4 steps done');
    expect(stepsDoneText(module, progress(['s1', 's2'], true, '2026-03-02T10:00:00.000Z'))).toBe('4 of 4 steps done');
  });

  it('offers the most urgent unfinished module other than this one, or none', () => {
    const row = (assignmentId: string, status: 'completed' | 'in_progress' | 'not_started', dueDate: string) => ({ assignmentId, status, dueDate, title: assignmentId });
    const rows = [row('done', 'completed', '2026-03-01'), row('later', 'not_started', '2026-03-20'), row('sooner', 'in_progress', '2026-03-10'), row('this', 'in_progress', '2026-03-05')];
    expect(nextAssignment(rows, 'this')?.assignmentId).toBe('sooner');
    expect(nextAssignment([row('this', 'completed', '2026-03-05'), row('done', 'completed', '2026-03-01')], 'this')).toBeNull();
  });

  it('says how many were reminded', () => {
    expect(remindedText({ behind: 3, reminded: 2, alreadyRemindedToday: 1 })).toBe('Reminded 2 people in Teams. 1 person already had a reminder today, so not another one.');
    expect(remindedText({ behind: 2, reminded: 0, alreadyRemindedToday: 2 })).toBe('Nobody was reminded again: everyone behind already had a reminder today.');
    expect(remindedText({ behind: 0, reminded: 0, alreadyRemindedToday: 0 })).toBe('Nobody is behind: nobody was reminded.');
  });

  it('reads and writes calendar days, refusing impossible ones', () => {
    expect(dateToDay(dayToDate('2026-12-31')!)).toBe('2026-12-31');
    expect(dayToDate('2026-02-30')).toBeNull();
    expect(dayToDate('31/12/2026')).toBeNull();
  });
});
