import { describe, expect, it } from 'vitest';
import { momentCounts, onboardingCompletion, quarterStart, sayVsDo, suggestionsFor, type TeamFigures } from '../../../api/src/domain/coaching.js';

const A = { id: 'A', title: 'Tell customers about delays before they ask' };
const B = { id: 'B', title: 'Deliver inside the promised window' };
const C = { id: 'C', title: 'Bring Fabrikam customers onto one platform' };

const team = (fields: Partial<TeamFigures> = {}): TeamFigures => ({
  teamId: 'T', teamName: 'Customer Success', taskCount: 12, linkedTaskCount: 9, strategiesWithoutTasks: [], served: [{ ...A, tasks: 5 }, { ...C, tasks: 4 }],
  onboarding: { assigned: 0, completed: 0 }, moments: { given: 1, received: 2 }, pulse: null, ...fields,
});

describe('say vs do', () => {
  it('names what was said but not served, and what is served but was not said', () => {
    expect(sayVsDo([A, B], [A, C])).toEqual({ said: [A, B], served: [A, C], saidNotServed: [B], servedNotSaid: [C] });
    expect(sayVsDo([A], [A])).toMatchObject({ saidNotServed: [], servedNotSaid: [] });
  });
});

describe('suggestions in plain words, each with where to act', () => {
  it('from the gap, unlinked tasks, strategies nobody serves, no recognition, open onboarding and an unanswered round', () => {
    const suggestions = suggestionsFor(
      team({ strategiesWithoutTasks: [B], moments: { given: 0, received: 0 }, onboarding: { assigned: 5, completed: 3 } }),
      sayVsDo([B], [A, C]),
      { id: 'r1', question: 'What do you get paid to do?' },
    );
    expect(suggestions.map((suggestion) => suggestion.text)).toEqual([
      'You have not answered "What do you get paid to do?" yet.',
      'You said your job exists to advance "Deliver inside the promised window", but none of your team\'s tasks serve it.',
      "3 of your team's 12 tasks serve no strategy.",
      'Your team serves no part of "Deliver inside the promised window".',
      'Nobody on your team has been recognised this quarter.',
      "2 of your team's 5 onboarding modules are not completed yet.",
    ]);
    expect(suggestions.map((suggestion) => suggestion.action)).toEqual([
      { area: 'alignment', params: { round: 'r1' } },
      { area: 'teams', params: { team: 'T' } },
      { area: 'teams', params: { team: 'T' } },
      { area: 'teams', params: { team: 'T' } },
      { area: 'moments', params: { compose: '1', team: 'T' } },
      { area: 'onboarding-admin', params: {} },
    ]);
  });

  it('says nothing when there is nothing to act on', () => {
    expect(suggestionsFor(team({ linkedTaskCount: 12 }), sayVsDo([A], [A, C]), null)).toEqual([]);
  });
});

describe('team figures', () => {
  it('onboarding completion counts the team\'s started (assignment, person) pairs', () => {
    const members = new Set(['p1', 'p2']);
    const assignments = [
      { id: 'a1', recipientIds: ['p1', 'p2', 'x'], startAt: null },
      { id: 'a2', recipientIds: ['p1'], startAt: '2026-04-01T00:00:00.000Z' },
    ];
    expect(onboardingCompletion(members, assignments, new Set(['a1|p1', 'a1|x']), new Date('2026-03-02T09:00:00Z'))).toEqual({ assigned: 2, completed: 1 });
  });

  it('moments given by the team\'s people and received by the team or its people', () => {
    const moments = [
      { authorId: 'p1', recognisedTeamIds: ['U'] },
      { authorId: 'x', recognisedTeamIds: ['T', 'U'] },
      { authorId: 'p2', recognisedTeamIds: ['T'] },
    ];
    expect(momentCounts('T', new Set(['p1', 'p2']), moments)).toEqual({ given: 2, received: 2 });
  });

  it('the quarter starts on the first day of January, April, July or October (UTC)', () => {
    expect(quarterStart(new Date('2026-03-02T09:00:00Z'))).toBe('2026-01-01T00:00:00.000Z');
    expect(quarterStart(new Date('2026-12-31T23:59:59Z'))).toBe('2026-10-01T00:00:00.000Z');
  });
});
