/**
 * Issue 14, every language: the text builders of the team areas (teams, insights, teams compared,
 * import) in English, German and Arabic. Worked examples where the wording has logic: plurals (Arabic
 * has six forms), percentages and lists in the reader's locale.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceLabel } from '../../tabs/src/features/teams/components/TeamMembers';
import { leaderFixLists, listFootnotes, percent } from '../../tabs/src/features/insights/insight-links';
import { metricName, percent as figure } from '../../tabs/src/features/team-comparison/components/metrics';
import { fieldLabel } from '../../tabs/src/features/import-export/components/ImportPreview';
import { speak } from './support/speak';

beforeAll(() => speak('en-US'));
afterAll(() => speak('en-US'));

const linked = { linkedGroup: { displayName: 'Ops crew', isTeam: true } };

describe('where a membership came from', () => {
  it('in English, German and Arabic, naming the group', async () => {
    await speak('en-US');
    expect(sourceLabel({ source: 'manual' }, linked)).toBe('Added by hand');
    expect(sourceLabel({ source: 'channel' }, linked)).toBe('From the team Ops crew in Teams');
    expect(sourceLabel({ source: 'group' }, {})).toBe('From a Microsoft 365 group');
    await speak('de-DE');
    expect(sourceLabel({ source: 'manual' }, linked)).toBe('Manuell hinzugefügt');
    expect(sourceLabel({ source: 'channel' }, linked)).toBe('Aus dem Team Ops crew in Teams');
    await speak('ar-SA');
    expect(sourceLabel({ source: 'manual' }, linked)).toBe('أُضيف يدويًا');
    expect(sourceLabel({ source: 'channel' }, linked)).toBe('من الفريق Ops crew في Teams');
  });
});

describe('the lines under an insights list', () => {
  it('count what is not shown, with each language’s plural', async () => {
    await speak('de-DE');
    expect(listFootnotes(60, 50, 0)).toEqual(['…und 10 weitere.']);
    expect(listFootnotes(4, 0, 4)).toEqual(['4 hier nicht genannt: Nur die Führungskräfte ihres Teams sehen, wer.']);
    await speak('ar-SA');
    // Arabic: one, two, few (3–10) and many (11–99) are different words; digits are Arabic-Indic.
    expect(listFootnotes(51, 50, 0)).toEqual(['…وواحد آخر.']);
    expect(listFootnotes(52, 50, 0)).toEqual(['…واثنان آخران.']);
    expect(listFootnotes(53, 50, 0)).toEqual(['…و٣ آخرون.']);
    expect(listFootnotes(61, 50, 0)).toEqual(['…و١١ آخرين.']);
    expect(listFootnotes(4, 0, 4)).toEqual(['٤ غير مذكورين هنا: لا يرى أسماءهم إلا قادة فرقهم.']);
  });
});

describe('insight fix-list details', () => {
  const alignment = {
    taskCount: 1, linkedTaskCount: 0, linkedShare: 0,
    unlinkedTasks: { total: 1, hidden: 0, items: [{ id: 'k1', title: 'Rota', ownerId: 'p1', ownerName: 'Ben', teamId: null, reason: 'strategy_archived' as const, source: 'planner' as const }] },
    strategiesWithoutTasks: [], strategiesWithoutTeams: [],
    peopleWithoutLinkedTask: { total: 0, hidden: 0, items: [] },
    incompleteStrategies: [{ id: 's1', title: 'Grow', missing: ['why' as const, 'customerImpact' as const] }], perStrategy: [],
  };

  it('say why, where from and what is missing as one sentence in the reader’s language', async () => {
    await speak('en-US');
    let lists = leaderFixLists(alignment, () => 'cs', true, []);
    expect(lists.unlinkedTasks[0]?.detail).toBe('Ben, its strategy was archived, from Planner, only its team’s leader or an admin can re-link it');
    expect(lists.incompleteStrategies[0]?.detail).toBe('missing why it is a focus now and how it serves customers');
    await speak('de-DE');
    lists = leaderFixLists(alignment, () => 'cs', true, []);
    expect(lists.unlinkedTasks[0]?.detail).toBe('Ben, die Strategie wurde archiviert, aus Planner, nur eine Führungskraft des Teams oder ein Admin kann sie neu verknüpfen');
    expect(lists.incompleteStrategies[0]?.detail).toBe('es fehlt: warum sie jetzt im Fokus steht und wie sie Kund:innen dient');
  });
});

describe('percentages and figure names', () => {
  it('follow the reader’s locale', async () => {
    await speak('en-US');
    expect([percent(0.42), figure(0.5), figure(null), metricName('pulse')]).toEqual(['42%', '50%', '—', 'Agreeing in the latest pulse']);
    await speak('de-DE');
    expect([percent(0.42), metricName('pulse')]).toEqual(['42\u00a0%', 'Zustimmung im letzten Pulse']);
    await speak('ar-SA');
    expect(percent(0.42)).toBe('٤٢٪؜');
  });
});

describe('an import error’s field', () => {
  it('names the file’s column and the item, counted from one', async () => {
    await speak('en-US');
    expect(fieldLabel('')).toBe('The file');
    expect(fieldLabel('strategies.3.howItServes')).toBe('How it serves');
    await speak('de-DE');
    expect(fieldLabel('')).toBe('Die Datei');
    expect(fieldLabel('ownerName')).toBe('Name der verantwortlichen Person');
  });
});
