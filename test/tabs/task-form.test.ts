import type { Task } from '@contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkNewTask,
  checkTaskChanges,
  emptyTaskForm,
  splitFieldErrors,
  taskFormValues,
} from '../../tabs/src/features/line-of-sight/task-form';
import { speak } from './support/speak';

beforeAll(() => speak('en-US'));

const task: Task = {
  id: 'task-1',
  title: 'Migrate billing to the new ledger',
  strategyId: 'strategy-a',
  howItServes: 'Customers see one invoice instead of two.',
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-02T09:00:00.000Z',
  etag: '"0001"',
};

describe('checkNewTask', () => {
  it('asks for a title', () => {
    const check = checkNewTask(emptyTaskForm);
    expect(check).toMatchObject({ ok: false, fields: { title: 'Give the task a title' } });
  });

  it('asks for the "how this serves" sentence once a strategy is picked', () => {
    const check = checkNewTask({ title: 'Write the runbook', strategyId: 'strategy-a', howItServes: '   ' });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.fields.howItServes).toMatch(/how this task serves/);
  });

  it('turns "not linked" into a null strategy and trims text', () => {
    expect(checkNewTask({ title: '  Write the runbook ', strategyId: '', howItServes: '' })).toEqual({
      ok: true,
      value: { title: 'Write the runbook', strategyId: null, howItServes: '' },
    });
  });

  it('reports over-long titles under the title field', () => {
    const check = checkNewTask({ title: 'x'.repeat(201), strategyId: '', howItServes: '' });
    expect(check).toMatchObject({ ok: false, fields: { title: 'Keep this under 200 characters' } });
  });
});

describe('checkTaskChanges', () => {
  const initial = taskFormValues(task, ['strategy-a', 'strategy-b']);

  it('sends nothing when nothing changed (whitespace aside)', () => {
    expect(checkTaskChanges(initial, { ...initial, title: `${initial.title}  ` })).toEqual({ ok: true, value: null });
  });

  it('sends only the changed fields', () => {
    expect(checkTaskChanges(initial, { ...initial, title: 'Migrate billing' })).toEqual({
      ok: true,
      value: { title: 'Migrate billing' },
    });
  });

  it('sends the sentence with a new link, so the API can check the pair', () => {
    expect(checkTaskChanges(initial, { ...initial, strategyId: 'strategy-b' })).toEqual({
      ok: true,
      value: { strategyId: 'strategy-b', howItServes: task.howItServes },
    });
  });

  it('unlinks with a null strategy', () => {
    expect(checkTaskChanges(initial, { ...initial, strategyId: '' })).toEqual({ ok: true, value: { strategyId: null } });
  });

  it('starts a task linked to a strategy no longer offered as "not linked"', () => {
    expect(taskFormValues(task, ['strategy-b']).strategyId).toBe('');
  });
});

describe('splitFieldErrors', () => {
  it('puts known fields under their fields and the rest aside, first message per field', () => {
    expect(
      splitFieldErrors([
        { path: 'title', message: 'Too long' },
        { path: 'title', message: 'Second opinion' },
        { path: 'strategyId', message: 'No such strategy' },
        { path: 'priority', message: 'Unknown field' },
      ]),
    ).toEqual({ fields: { title: 'Too long', strategyId: 'No such strategy' }, other: ['Unknown field'] });
  });
});

describe('the form’s messages in the person’s language', () => {
  afterAll(() => speak('en-US'));

  it('says the contract’s checks in German and Arabic, with the limit as a number of the locale', async () => {
    await speak('de-DE');
    expect(checkNewTask(emptyTaskForm)).toMatchObject({ ok: false, fields: { title: 'Geben Sie der Aufgabe einen Titel' } });
    expect(checkNewTask({ title: 'x'.repeat(201), strategyId: '', howItServes: '' })).toMatchObject({ ok: false, fields: { title: 'Bleiben Sie unter 200 Zeichen' } });
    await speak('ar-SA');
    expect(checkNewTask({ title: 'x'.repeat(201), strategyId: '', howItServes: '' })).toMatchObject({ ok: false, fields: { title: 'الحد الأقصى لعدد الأحرف: ٢٠٠' } });
    expect(checkNewTask({ title: 'Write the runbook', strategyId: 'strategy-a', howItServes: '' })).toMatchObject({ ok: false, fields: { howItServes: 'قل في جملة واحدة كيف تخدم هذه المهمة الاستراتيجية' } });
  });
});
