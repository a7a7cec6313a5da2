/**
 * The new hire's player in German and Arabic: progress in words with each language's plurals, due dates
 * in the person's locale, what still stands between them and completing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { missingForCompletion, stepsDoneText } from '../../tabs/src/features/onboarding/player-steps';
import { assignmentProgress, dueText } from '../../tabs/src/features/onboarding/progress-text';
import { speak } from './support/speak';

const module = {
  sections: [
    { id: 's1', title: 'Why we exist', blocks: [] },
    { id: 's2', title: 'Our strategies', blocks: [] },
  ],
  questions: [
    { id: 'q1', prompt: 'Which?', kind: 'single' as const, options: [] },
    { id: 'q2', prompt: 'Why?', kind: 'single' as const, options: [] },
    { id: 'q3', prompt: 'Who?', kind: 'single' as const, options: [] },
  ],
};
const none = { sectionsDone: [] as string[], answers: [], completedAt: null };
const counts = (sectionsDone: number, sectionCount: number, questionsAnswered: number, questionCount: number) => ({
  sectionsDone, sectionCount, questionsAnswered, questionCount, status: 'in_progress' as const,
});

afterAll(() => speak('en-US'));

describe('the module player in German', () => {
  it('counts in German, singular and plural, and writes dates the German way', async () => {
    await speak('de-DE');
    expect(assignmentProgress(counts(1, 1, 2, 3)).text).toBe('1 von 1 Abschnitt gelesen, 2 von 3 Fragen beantwortet');
    expect(assignmentProgress(counts(0, 2, 0, 0)).text).toBe('0 von 2 Abschnitten gelesen');
    expect(stepsDoneText(module, none)).toBe('0 von 4 Schritten erledigt');
    expect(missingForCompletion(module, { sectionsDone: ['s1', 's2'], answers: [] })).toEqual(['3 Wissensfragen beantworten']);
    expect(dueText({ dueDate: '2026-12-03', overdue: true, status: 'in_progress', completedAt: null })).toBe('Überfällig: war fällig am 3. Dezember 2026');
    expect(dueText({ dueDate: '2026-12-03', overdue: false, status: 'completed', completedAt: '2026-12-01T10:00:00Z' })).toBe('Abgeschlossen am 1. Dezember 2026');
  });
});

describe('the module player in Arabic', () => {
  it('uses the dual and the plural forms Arabic needs, with Arabic digits and dates', async () => {
    await speak('ar-SA');
    // two → the dual form; 3..10 → "few"; 11..99 → "many".
    expect(assignmentProgress(counts(1, 2, 0, 0)).text).toBe('قُرئ ١ من قسمين');
    expect(assignmentProgress(counts(1, 3, 0, 11)).text).toBe('قُرئ ١ من ٣ أقسام، وأُجيب عن ٠ من ١١ سؤالًا');
    expect(stepsDoneText({ ...module, questions: [] }, none)).toBe('أُنجز ٠ من ٣ خطوات');
    expect(missingForCompletion(module, { sectionsDone: ['s1', 's2'], answers: [] })).toEqual(['أجب عن ٣ أسئلة تحقق']);
    expect(missingForCompletion({ ...module, questions: module.questions.slice(0, 1) }, { sectionsDone: ['s1'], answers: [] })).toEqual([
      'اقرأ «Our strategies»',
      'أجب عن سؤال التحقق الأخير',
    ]);
    const due = dueText({ dueDate: '2026-12-03', overdue: false, status: 'in_progress', completedAt: null });
    expect(due.startsWith('تاريخ الاستحقاق ')).toBe(true);
    expect(due).toContain('ديسمبر');
  });
});
