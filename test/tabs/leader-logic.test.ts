import type { EditableStrategy, Team } from '@contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { speak } from './support/speak';
import { ApiError } from '../../tabs/src/app/api-client';
import { whatWentWrong } from '../../tabs/src/app/error-text';
import { allowedRoute, areasFor, hrefFor, parseRoute, routeForSubPage } from '../../tabs/src/app/routes';
import { subEntityIdFromDeepLink } from '../../tabs/dev-host/host-protocol';
import { momentDeepLink, pulseDeepLink, roundDeepLink } from '../../api/src/notifications/notification-content';
import { outcomeOf } from '../../tabs/src/app/save-outcome';
import { entityIdFor, preselectTeam, teamIdFromEntityId } from '../../tabs/src/features/channel/channel-config';
import { formatOf, importErrorsOf } from '../../tabs/src/features/import-export/api/import-export-api';
import { listFootnotes } from '../../tabs/src/features/insights/insight-links';
import { describeEntry } from '../../tabs/src/features/strategy-editor/history-text';
import { moveBy, movedAnnouncement } from '../../tabs/src/features/strategy-editor/reorder';
import {
  checkOrganisation,
  checkStrategy,
  emptyStrategyForm,
  organisationInput,
  strategyChanges,
  strategyFormValues,
} from '../../tabs/src/features/strategy-editor/strategy-form';

const strategy: EditableStrategy = {
  id: 's1', title: 'Deliver on time', why: 'Customers leave', customerImpact: '', order: 1, status: 'active', etag: '"1"',
  ownerId: null, ownerName: null, progress: 'at_risk', measures: ['94% on time'], incomplete: ['customerImpact'], teamIds: [],
};

beforeAll(() => speak('en-US'));

describe('areas and their addresses', () => {
  it('offers every area to leaders and admins, Home, My onboarding, Insights, Mission moments, Mission pulse and Your data to everyone else', () => {
    const all = ['home', 'onboarding', 'strategy', 'teams', 'insights', 'onboarding-admin', 'moments', 'alignment', 'coaching', 'pulses', 'compare', 'data'];
    expect(areasFor(['Employee', 'Leader'])).toEqual(all);
    expect(areasFor(['Employee', 'Admin'])).toEqual(all);
    expect(areasFor(['Employee'])).toEqual(['home', 'onboarding', 'insights', 'moments', 'pulses', 'data']);
  });

  it('reads and writes hash routes, and sends people home from areas they may not see', () => {
    expect(hrefFor('teams', { team: 't1', task: undefined })).toBe('#/teams?team=t1');
    expect(hrefFor('home')).toBe('#/');
    expect(parseRoute('#/strategy?edit=s1')).toEqual({ area: 'strategy', params: { edit: 's1' } });
    expect(parseRoute('#/nowhere')).toEqual({ area: 'home', params: {} });
    expect(allowedRoute(parseRoute('#/teams'), ['Employee']).area).toBe('home');
    expect(allowedRoute(parseRoute('#/teams'), null).area).toBe('teams'); // roles not known yet: the server decides
  });
});

describe('the strategy form', () => {
  it('needs a title, allows at most five measures, and lets why/customer link wait (flagged incomplete)', () => {
    expect(checkStrategy(emptyStrategyForm)).toEqual({ title: 'Give the strategy a title' });
    expect(checkStrategy({ ...emptyStrategyForm, title: 'T', measures: 'a\nb\nc\nd\ne\nf' })).toEqual({
      measures: 'List at most 5 measures, one per line',
    });
    expect(checkStrategy({ ...emptyStrategyForm, title: 'T' })).toEqual({});
  });

  it('sends only what changed, with measures one per line', () => {
    const initial = strategyFormValues(strategy);
    expect(strategyChanges(initial, initial)).toBeNull();
    expect(strategyChanges(initial, { ...initial, why: ' Customers leave early ', measures: '94% on time\n\nNo refunds\n' })).toEqual({
      why: 'Customers leave early',
      measures: ['94% on time', 'No refunds'],
    });
    expect(strategyChanges(initial, { ...initial, ownerId: 'p1' })).toEqual({ ownerId: 'p1' });
  });

  it('reads values as "name — description" lines and needs a name and a vision', () => {
    const values = { name: 'Contoso', vision: 'V', mission: '', differentiator: '', values: 'Keep the promise — A window is a commitment\nSay it plainly' };
    expect(organisationInput(values).values).toEqual([
      { name: 'Keep the promise', description: 'A window is a commitment' },
      { name: 'Say it plainly', description: '' },
    ]);
    expect(checkOrganisation({ ...values, name: ' ', vision: '' })).toEqual({
      name: 'Give the organisation its name',
      vision: 'Say where the organisation is heading',
    });
  });
});

describe('keyboard reordering', () => {
  it('moves one step and says where to', () => {
    expect(moveBy(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveBy(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveBy(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(movedAnnouncement('Deliver on time', 2, 3)).toBe('Moved “Deliver on time” to position 2 of 3.');
  });
});

describe('history in words', () => {
  it('names the changed fields with the editor’s labels, values in words, owners by name, and whole texts (never cut)', () => {
    const entry = {
      id: 'a1', entityType: 'strategy', entityId: 's1', action: 'update' as const, actor: { id: 'p1', displayName: 'Aisha' }, at: '2026-01-01T00:00:00Z',
      before: { title: 'T', why: 'w'.repeat(200), progress: 'not_started', measures: [], ownerId: null, status: 'active' },
      after: { title: 'T', why: `${'w'.repeat(200)} more`, progress: 'at_risk', measures: ['x', 'y'], ownerId: 'p2', status: 'archived' },
      changedFields: ['progress', 'measures', 'ownerId', 'why', 'status'],
    };
    expect(describeEntry(entry, (id) => (id === 'p2' ? 'Grace Lee' : undefined))).toEqual({
      headline: 'Changed',
      changes: [
        { field: 'why', label: 'Why it is a focus now', kind: 'text', before: 'w'.repeat(200), after: `${'w'.repeat(200)} more` },
        { field: 'ownerId', label: 'Owner', kind: 'pick', before: 'Nobody', after: 'Grace Lee' },
        { field: 'progress', label: 'Progress', kind: 'pick', before: 'Not started', after: 'At risk' },
        { field: 'measures', label: 'Measures of success', kind: 'text', before: 'none', after: 'x\ny' },
        { field: 'status', label: 'Status', kind: 'pick', before: 'Active', after: 'Archived' },
      ],
    });
  });
});

describe('save outcomes', () => {
  it('turns a 412 with the current version into a conflict, and field errors into messages under fields', () => {
    const stale = new ApiError('http', 'stale', { status: 412, body: { current: { id: 's1', etag: '"9"' } } });
    expect(outcomeOf(stale, [])).toEqual({ kind: 'conflict', current: { id: 's1', etag: '"9"' }, recentChanges: [] });
    const invalid = new ApiError('http', 'bad', {
      status: 400,
      problem: { type: 't', title: 'Bad', status: 400, code: 'validation_failed', errors: [{ path: 'measures.2', message: 'Too long' }, { path: 'x', message: 'Odd' }] },
    });
    expect(outcomeOf(invalid, ['measures'])).toEqual({ kind: 'rejected', fields: { measures: 'Too long' }, message: 'x: Odd' });
  });
});

describe('import and export', () => {
  it('tells JSON from CSV and reads a refused import’s errors by row and field', () => {
    expect(formatOf('  {"strategies": []}')).toBe('json');
    expect(formatOf('type,title\nstrategy,A')).toBe('csv');
    const refused = new ApiError('http', 'bad', { status: 400, body: { errors: [{ row: 2, field: 'title', message: 'Give the strategy a title', path: 'rows.2.title' }] } });
    expect(importErrorsOf(refused)).toEqual([{ row: 2, field: 'title', message: 'Give the strategy a title' }]);
    expect(importErrorsOf(new Error('x'))).toBeNull();
  });
});

describe('the channel tab set-up', () => {
  const team = (id: string, name: string, channelId?: string): Team => ({
    id, name, etag: '"1"', strategyIds: [], memberCount: 1, ...(channelId ? { channel: { teamsTeamId: 'g', channelId } } : {}),
  });
  it('offers the team already linked to the channel, else the one named like the Teams team', () => {
    const teams = [team('t1', 'Operations'), team('t2', 'Sales', '19:c@thread.tacv2')];
    expect(preselectTeam(teams, { id: '19:c@thread.tacv2', teamName: 'Operations' })).toBe('t2');
    expect(preselectTeam(teams, { id: '19:other@thread.tacv2', teamName: 'operations' })).toBe('t1');
    expect(preselectTeam(teams, null)).toBe('');
    expect(teamIdFromEntityId(entityIdFor('t1'))).toBe('t1');
    expect(teamIdFromEntityId('home')).toBeNull();
  });
});

describe('listFootnotes (insights lists)', () => {
  it('says how many more there are, and how many are counted but not named', () => {
    expect(listFootnotes(0, 0, 0)).toEqual([]);
    expect(listFootnotes(3, 3, 0)).toEqual([]);
    expect(listFootnotes(60, 50, 0)).toEqual(['…and 10 more.']);
    // An employee's team: nobody else named.
    expect(listFootnotes(4, 0, 4)).toEqual(['4 not named here: only their team’s leaders see who.']);
    // A leader's organisation view: their own team's named, the rest counted.
    expect(listFootnotes(12, 2, 10)).toEqual(['10 more not named here: only their team’s leaders see who.']);
    expect(listFootnotes(70, 50, 5)).toEqual(['…and 15 more.', '5 more not named here: only their team’s leaders see who.']);
  });
});

describe('whatWentWrong for the guards', () => {
  it('explains a foreign group, one’s own roles and a rate limit in words a person can act on', () => {
    const problem = (status: number, code: string) => whatWentWrong(new ApiError('http', code, { status, code }));
    expect(problem(403, 'group_not_yours')).toMatch(/group you belong to or own/);
    expect(problem(403, 'own_roles')).toMatch(/another Admin/);
    expect(problem(403, 'forbidden')).toMatch(/permission/);
    expect(problem(429, 'rate_limited')).toMatch(/Wait a minute/);
  });
});

describe('landing from an alignment or recognition notification', () => {
  it('opens the round, or the moments feed, the API\'s deep link names', () => {
    expect(routeForSubPage(subEntityIdFromDeepLink(roundDeepLink('app-1', 'round-7')) ?? '')).toEqual({ area: 'alignment', params: { round: 'round-7' } });
    expect(routeForSubPage(subEntityIdFromDeepLink(momentDeepLink('app-1', 'moment-9')) ?? '')).toEqual({ area: 'moments', params: { moment: 'moment-9' } });
    expect(routeForSubPage('alignment-round:')).toBeNull();
  });
});

describe('a pulse notification deep link', () => {
  it('lands on the pulse questions in the pulses area', () => {
    const link = new URL(pulseDeepLink('app-1', 'p-42'));
    const { subEntityId } = JSON.parse(link.searchParams.get('context')!) as { subEntityId: string };
    expect(routeForSubPage(subEntityId)).toEqual({ area: 'pulses', params: { pulse: 'p-42' } });
    expect(hrefFor('pulses', { pulse: 'p-42' })).toBe('#/pulses?pulse=p-42');
  });
});

describe('teams compared: sorting', () => {
  it('sorts by a figure either way, hidden figures always last', async () => {
    const { sortTeams } = await import('../../tabs/src/features/team-comparison/components/metrics');
    const values = (pulse: number | null) => ({ alignment: null, pulse, onboarding: null, missionMoments: null });
    const teams = [
      { teamId: 'a', name: 'Alpha', people: 3, values: values(0.5), score: null },
      { teamId: 'b', name: 'Beta', people: 9, values: values(null), score: null },
      { teamId: 'c', name: 'Gamma', people: 5, values: values(0.9), score: null },
    ];
    expect(sortTeams(teams, 'pulse', 'descending').map((team) => team.teamId)).toEqual(['c', 'a', 'b']);
    expect(sortTeams(teams, 'pulse', 'ascending').map((team) => team.teamId)).toEqual(['a', 'c', 'b']);
    expect(sortTeams(teams, 'name', 'ascending').map((team) => team.teamId)).toEqual(['a', 'b', 'c']);
    expect(sortTeams(teams, 'people', 'descending').map((team) => team.teamId)).toEqual(['b', 'c', 'a']);
  });
});
