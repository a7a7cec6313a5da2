/**
 * The leader areas' wording in German and Arabic: worked examples where the words depend on a number
 * (plurals: German one/other, Arabic zero/one/two/few/many/other), a list, or a choice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { speak } from './support/speak';
import { whoChangedAny } from '../../tabs/src/components/conflict-text';
import { firstDayOfWeek } from '../../tabs/src/components/DateField';
import { componentsText } from '../../tabs/src/components/messages';
import { pagedStatus } from '../../tabs/src/components/SearchablePagedList';
import { labelOf, valueInWords } from '../../tabs/src/components/strategy-map-labels';
import { alignmentText } from '../../tabs/src/features/alignment/messages';
import { describeEntry } from '../../tabs/src/features/strategy-editor/history-text';
import { strategyEditorText } from '../../tabs/src/features/strategy-editor/messages';
import { movedAnnouncement } from '../../tabs/src/features/strategy-editor/reorder';
import { checkStrategy, emptyStrategyForm } from '../../tabs/src/features/strategy-editor/strategy-form';

const shown = (count: number, searched = '', hasMore = false) =>
  pagedStatus({ status: 'ready', items: Array.from({ length: count }), hasMore, searched }, { one: 'Person', many: 'Personen' });
const changes = [
  { actor: { id: 'p2', displayName: 'Grace Lee' }, at: '2026-12-02T14:05:00Z', changedFields: ['why'] },
  { actor: { id: 'p3', displayName: 'Daniel Okafor' }, at: '2026-12-02T13:00:00Z', changedFields: ['progress'] },
];
const entry = {
  id: 'a1', entityType: 'strategy', entityId: 's1', action: 'archive' as const, actor: { id: 'p1', displayName: 'Aisha' }, at: '2026-01-01T00:00:00Z',
  before: { status: 'active' }, after: { status: 'archived' }, changedFields: ['status'],
};

afterAll(() => speak('en-US'));

describe('German (Sie-form, one/other)', () => {
  beforeAll(() => speak('de-DE'));

  it('names the strategy map’s fields and values as the editor does', () => {
    expect(labelOf('customerImpact')).toBe('Wie es Kunden dient');
    expect(valueInWords('progress', 'off_track')).toBe('Nicht im Plan');
    expect(valueInWords('ownerId', null)).toBe('Niemand');
    expect(describeEntry(entry)).toEqual({
      headline: 'Archiviert',
      changes: [{ field: 'status', label: 'Status', kind: 'pick', before: 'Aktiv', after: 'Archiviert' }],
    });
  });

  it('counts in the right number', () => {
    expect(strategyEditorText.text('row.teams', { count: 0 })).toBe('Noch kein Team dient ihr');
    expect(strategyEditorText.text('row.teams', { count: 1 })).toBe('1 Team dient ihr');
    expect(strategyEditorText.text('row.teams', { count: 3 })).toBe('3 Teams dienen ihr');
    expect(shown(1)).toBe('1 Person.');
    expect(shown(25, '', true)).toBe('Die ersten 25 Personen werden angezeigt; laden Sie mehr, um den Rest zu sehen.');
    expect(shown(0, 'Ana')).toBe('Keine Personen passen zu „Ana“.');
    expect(componentsText.text('moment.reactions', { count: 1 })).toBe('1 Kollegin oder Kollege hat es auch gesehen');
    expect(alignmentText.text('round.summary', { status: 'open', answered: 2, count: 3 })).toBe('Offen. 2 von 3 Führungskräften haben geantwortet.');
    expect(checkStrategy({ ...emptyStrategyForm, title: 'T', measures: 'a\nb\nc\nd\ne\nf' })).toEqual({ measures: 'Geben Sie höchstens 5 Kennzahlen an, eine pro Zeile' });
  });

  it('says moves, names and dates the German way', () => {
    expect(movedAnnouncement('Pünktlich liefern', 2, 3)).toBe('„Pünktlich liefern“ wurde an Position 2 von 3 verschoben.');
    expect(whoChangedAny(changes, ['why', 'progress'])).toBe('Grace Lee und Daniel Okafor');
    expect(firstDayOfWeek('de-DE')).toBe(1); // Monday
  });
});

describe('Arabic (zero/one/two/few/many/other)', () => {
  beforeAll(() => speak('ar-SA'));

  it('names fields and values', () => {
    expect(labelOf('ownerId')).toBe('المسؤول');
    expect(valueInWords('progress', 'on_track')).toBe('على المسار الصحيح');
    expect(describeEntry(entry).headline).toBe('أُرشفت');
  });

  it('uses each of Arabic’s six plural forms', () => {
    const teams = [0, 1, 2, 3, 11, 100].map((count) => strategyEditorText.text('row.teams', { count }));
    expect(teams).toEqual(['لا يخدمها أي فريق بعد', 'يخدمها فريق واحد', 'يخدمها فريقان', 'يخدمها ٣ فرق', 'يخدمها ١١ فريقًا', 'يخدمها ١٠٠ فريق']);
    const reactions = [1, 2, 5].map((count) => componentsText.text('moment.reactions', { count }));
    expect(reactions).toEqual(['رآه زميل واحد أيضًا', 'رآه زميلان أيضًا', 'رآه ٥ زملاء أيضًا']);
    expect(alignmentText.text('page.opened', { count: 2, until: '٩ ديسمبر' })).toBe('فُتحت الجولة. دُعي قائدان؛ يجيب كل منهما بمفرده حتى ٩ ديسمبر.');
  });

  it('says moves and names, and starts the week where Saudi Arabia does', () => {
    expect(movedAnnouncement('التسليم في الموعد', 2, 3)).toBe('نُقلت «التسليم في الموعد» إلى الموضع ٢ من ٣.');
    expect(whoChangedAny(changes, ['why', 'progress'])).toBe('Grace Lee وDaniel Okafor');
    expect(firstDayOfWeek('ar-SA')).toBe(0); // Sunday in Saudi Arabia (CLDR)
  });
});
