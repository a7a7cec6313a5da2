import { describe, expect, it } from 'vitest';
import { acknowledge, answerQuestion, emptyProgress, hasStarted, isOverdue, markOpenedFromNotification, setSectionDone, statusOf, toProgress } from '../../../api/src/domain/onboarding/learner-progress.js';
import { renderModule } from '../../../api/src/domain/onboarding/module-rendering.js';
import { publish } from '../../../api/src/domain/onboarding/module-views.js';
import type { ModuleDocument } from '../../../api/src/data/onboarding-documents.js';
import { CONTENT, TENANT, assignment } from './onboarding-fixtures.js';

const T0 = '2026-03-02T10:00:00.000Z';
const start = () => emptyProgress(assignment(), 'u1', T0);

describe('the new hire’s progress', () => {
  it('marks sections in the module’s order and starts the module', () => {
    const after = setSectionDone(setSectionDone(start(), CONTENT, 's2', true, T0)!, CONTENT, 's1', true, T0)!;
    expect(after.sectionsDone).toEqual(['s1', 's2']);
    expect(statusOf(after)).toBe('in_progress');
    expect(setSectionDone(after, CONTENT, 's1', false, T0)!.sectionsDone).toEqual(['s2']);
    expect(setSectionDone(after, CONTENT, 'nope', true, T0)).toBeUndefined();
  });

  it('gives immediate feedback and keeps the FIRST try’s correctness', () => {
    const wrong = answerQuestion(start(), CONTENT, 'q1', ['a'], T0);
    if (!wrong.ok) throw new Error('expected ok');
    expect(wrong.answer).toMatchObject({ correct: false, firstTryCorrect: false, attempts: 1 });
    const right = answerQuestion(wrong.progress, CONTENT, 'q1', ['b'], T0);
    if (!right.ok) throw new Error('expected ok');
    expect(right.answer).toMatchObject({ correct: true, firstTryCorrect: false, attempts: 2 });
    expect(right.progress.answers).toHaveLength(1);
    expect(toProgress(right.progress, CONTENT).answers[0]).toMatchObject({ correctOptionIds: ['b'], explanation: 'It is a commitment.' });
  });

  it('checks multiple-choice answers as a set and refuses unknown options', () => {
    const partial = answerQuestion(start(), CONTENT, 'q2', ['x'], T0);
    expect(partial.ok && partial.answer.correct).toBe(false);
    const full = answerQuestion(start(), CONTENT, 'q2', ['z', 'x'], T0);
    expect(full.ok && full.answer.correct).toBe(true);
    expect(answerQuestion(start(), CONTENT, 'q2', ['x', 'w'], T0)).toEqual({ ok: false, reason: 'invalid_options', path: 'selectedOptionIds.1', message: 'Not one of the options' });
    expect(answerQuestion(start(), CONTENT, 'q1', ['a', 'b'], T0)).toMatchObject({ ok: false, reason: 'invalid_options' });
    expect(answerQuestion(start(), CONTENT, 'q9', ['a'], T0)).toEqual({ ok: false, reason: 'unknown_question' });
  });

  it('completes only with every section done and every question answered', () => {
    let progress = start();
    expect(acknowledge(progress, CONTENT, T0)).toEqual({ sections: ['s1', 's2'], questions: ['q1', 'q2'] });
    progress = setSectionDone(setSectionDone(progress, CONTENT, 's1', true, T0)!, CONTENT, 's2', true, T0)!;
    const q1 = answerQuestion(progress, CONTENT, 'q1', ['a'], T0);
    if (!q1.ok) throw new Error('expected ok');
    expect(acknowledge(q1.progress, CONTENT, T0)).toEqual({ sections: [], questions: ['q2'] });
    const q2 = answerQuestion(q1.progress, CONTENT, 'q2', ['x'], T0);
    if (!q2.ok) throw new Error('expected ok');
    const done = acknowledge(q2.progress, CONTENT, T0);
    expect(done).toMatchObject({ completedAt: T0, acknowledgedAt: T0, version: 1 });
    expect(statusOf(done as never)).toBe('completed');
  });

  it('keeps the first opening from a notification, and tells overdue and scheduled start', () => {
    const opened = markOpenedFromNotification(start(), T0);
    expect(markOpenedFromNotification(opened, '2026-03-05T00:00:00.000Z').openedFromNotificationAt).toBe(T0);
    expect(isOverdue('2026-03-10', null, new Date('2026-03-11T00:00:00Z'))).toBe(true);
    expect(isOverdue('2026-03-10', null, new Date('2026-03-10T23:00:00Z'))).toBe(false);
    expect(isOverdue('2026-03-10', T0, new Date('2026-03-11T00:00:00Z'))).toBe(false);
    expect(hasStarted({ startAt: '2026-03-05T09:00:00.000Z' }, new Date(T0))).toBe(false);
    expect(hasStarted({ startAt: null }, new Date(T0))).toBe(true);
  });
});

describe('module rendering and publishing', () => {
  it('embeds the live strategy map and the current mission, and hides answers', () => {
    const rendered = renderModule(CONTENT, {
      organisation: { name: 'Contoso', vision: 'V', mission: 'M', values: [{ name: 'Keep the promise', description: 'd' }], differentiator: 'D' },
      strategies: [
        { id: 'b', title: 'Second', why: 'w', customerImpact: 'c', order: 2, status: 'active' },
        { id: 'a', title: 'First', why: 'w', customerImpact: 'c', order: 1, status: 'active' },
        { id: 'x', title: 'Old', why: 'w', customerImpact: 'c', order: 0, status: 'archived' },
      ],
    });
    expect(rendered.sections[0]!.blocks[1]).toMatchObject({ type: 'strategyMap', organisation: { vision: 'V' }, strategies: [{ id: 'a' }, { id: 'b' }] });
    expect(rendered.sections[1]!.blocks[0]).toMatchObject({ type: 'thenAndNow', formerMission: 'Alps', currentCompany: 'Contoso', currentMission: 'M', currentValues: ['Keep the promise'] });
    expect(JSON.stringify(rendered.questions)).not.toMatch(/correctOptionIds|explanation/);
  });

  it('publishing freezes a deep copy as the next version', () => {
    const draft: ModuleDocument = {
      id: 'm1', tenantId: TENANT, type: 'module', content: structuredClone(CONTENT), versions: [], draftChanged: true,
      createdAt: T0, updatedAt: T0, createdBy: 'lead', updatedBy: 'lead',
    };
    const first = publish(draft, 'lead', T0);
    expect(first.version).toMatchObject({ id: 'm1-v1', version: 1, moduleId: 'm1' });
    first.module.content.sections[0]!.title = 'Edited after publishing';
    expect(first.version.content.sections[0]!.title).toBe('Promise');
    const second = publish(first.module, 'lead', T0);
    expect(second.version.id).toBe('m1-v2');
    expect(second.module.versions.map((version) => version.version)).toEqual([1, 2]);
    expect(second.module.draftChanged).toBe(false);
  });
});
