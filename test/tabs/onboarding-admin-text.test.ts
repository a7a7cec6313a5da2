/**
 * The onboarding admin's sentences in German and Arabic: plurals (Arabic has six forms), numbers and
 * days in the reader's locale, and whole sentences (never fragments glued together).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { assignedText, formatDay, pageText, percent, timeOfDay } from '../../tabs/src/features/onboarding-admin/format';
import { alignedTranslation, blockLabel, contentOf, emptyDraft } from '../../tabs/src/features/onboarding-admin/module-draft';
import { remindedText } from '../../tabs/src/features/onboarding-admin/components/RemindPeopleBehind';
import { speak } from './support/speak';

afterAll(() => speak('en-US'));

describe('the onboarding admin in German', () => {
  it('counts, dates and reminds in German', async () => {
    await speak('de-DE');
    expect(pageText({ offset: 50, total: 1300 }, 50)).toBe('51–100 von 1.300');
    expect(pageText({ offset: 0, total: 0 }, 0, 'zed')).toBe('Niemand passt zu „zed“.');
    expect(assignedText([{ alreadyAssigned: false, recipientCount: 1 }], false)).toBe('1 Modul zugewiesen: 1 Benachrichtigung ist unterwegs.');
    expect(assignedText([{ alreadyAssigned: true, recipientCount: 1 }, { alreadyAssigned: true, recipientCount: 1 }], false)).toBe(
      '2 Module waren dieser Kohorte bereits zugewiesen: Niemand wird doppelt benachrichtigt.',
    );
    expect(remindedText({ behind: 3, reminded: 2, alreadyRemindedToday: 1 })).toBe(
      '2 Personen wurden in Teams erinnert. 1 Person hatte heute schon eine Erinnerung und bekommt keine weitere.',
    );
    expect(formatDay('2026-12-03')).toBe('3. Dezember 2026');
    expect(percent(0.8)).toBe('80\u00a0%');
    expect(timeOfDay('09:30')).toBe('09:30');
    expect(blockLabel('thenAndNow')).toBe('Damals und heute');
    expect(emptyDraft().acknowledgement).toBe('Ich verstehe, wie meine Arbeit unserer Mission dient.');
  });
});

describe('the onboarding admin in Arabic', () => {
  it('uses the dual and the few/many plural forms', async () => {
    await speak('ar-SA');
    const reminded = (count: number) => remindedText({ behind: count, reminded: count, alreadyRemindedToday: 0 });
    expect(reminded(1)).toBe('تم تذكير شخص واحد في Teams.');
    expect(reminded(2)).toBe('تم تذكير شخصان في Teams.');
    expect(reminded(3)).toMatch(/^تم تذكير \S+ أشخاص في Teams\.$/);
    expect(reminded(11)).toMatch(/^تم تذكير \S+ شخصًا في Teams\.$/);
    expect(pageText({ offset: 0, total: 0 }, 0)).toBe('لا أحد بعد.');
  });
});

describe('a translation follows the original’s shape', () => {
  it('keeps its words by id, takes the original’s for what is new, and drops what the original no longer has', async () => {
    await speak('en-US');
    const draft = emptyDraft();
    draft.title = 'Welcome';
    draft.sections = [
      { id: 's1', title: 'One', blocks: [{ type: 'paragraph', text: 'First' }] },
      { id: 's2', title: 'Two', blocks: [{ type: 'paragraph', text: 'Second' }] },
    ];
    const german = {
      title: 'Willkommen',
      summary: '',
      acknowledgement: 'Verstanden.',
      sections: [
        { id: 'gone', title: 'Weg', blocks: [] },
        { id: 's1', title: 'Eins', blocks: [{ type: 'paragraph' as const, text: 'Erstens' }] },
      ],
      questions: [],
    };
    const aligned = alignedTranslation(draft, german);
    expect(aligned.title).toBe('Willkommen');
    expect(aligned.sections).toEqual([
      { id: 's1', title: 'Eins', blocks: [{ type: 'paragraph', text: 'Erstens' }] },
      { id: 's2', title: 'Two', blocks: [{ type: 'paragraph', text: 'Second' }] },
    ]);
    expect(contentOf({ ...draft, translations: { de: german } }).translations?.de?.sections.map((section) => section.id)).toEqual(['s1', 's2']);
  });
});
