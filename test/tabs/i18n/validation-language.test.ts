/**
 * The shared schemas speak the tab's language: the same createTaskSchema the API uses tells a German
 * or Arabic person what to fix in their words, values filled in; English is the fallback.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createTaskSchema } from '../../../api/src/shared/contracts';
import { speak } from '../support/speak';

const firstMessage = (input: unknown) => createTaskSchema.safeParse(input).error?.issues[0]?.message;

describe('validation messages in the person’s language', () => {
  afterAll(() => speak('en-US'));

  it('in German', async () => {
    await speak('de-DE');
    expect(firstMessage({ title: '' })).toBe('Geben Sie der Aufgabe einen Titel');
    expect(firstMessage({ title: 'x'.repeat(1000) })).toMatch(/^Bleiben Sie unter \d+ Zeichen$/);
  });

  it('in Arabic', async () => {
    await speak('ar-SA');
    expect(firstMessage({ title: '' })).toBe('أعطِ المهمة عنوانًا');
  });

  it('in English, and for a language the tab doesn’t speak', async () => {
    await speak('fr-FR');
    expect(firstMessage({ title: '' })).toBe('Give the task a title');
    expect(firstMessage({ title: 'x'.repeat(1000) })).toMatch(/^Keep this under \d+ characters$/);
  });
});
