import { describe, expect, it } from 'vitest';
import { nameVisibilityFor } from '../../../api/src/domain/name-visibility.js';
import { behindOrderKey, buildDashboard, compareOrdinal, dashboardCsv } from '../../../api/src/domain/onboarding/dashboard.js';
import { emptyProgress } from '../../../api/src/domain/onboarding/learner-progress.js';
import type { ProgressDocument } from '../../../api/src/data/onboarding-documents.js';
import { CONTENT, assignment } from './onboarding-fixtures.js';

// Ann and Bob work in Operations, =Cmd in Support, Dee in no team yet.
const people = [
  { id: 'u1', displayName: 'Ann', teamId: 'ops' },
  { id: 'u2', displayName: 'Bob', teamId: 'ops' },
  { id: 'u3', displayName: '=Cmd', teamId: 'support' },
  { id: 'u4', displayName: 'Dee', teamId: null },
];
const v1 = assignment({ recipientIds: ['u1', 'u2', 'u3', 'u4'] });
const at = '2026-03-02T10:00:00.000Z';
function progress(userId: string, changes: Partial<ProgressDocument>): ProgressDocument {
  return { ...emptyProgress(v1, userId, at), ...changes };
}

const input = {
  cohort: { id: 'c1', name: 'Joined from Fabrikam' },
  moduleId: 'm1',
  contents: new Map([['m1-v1', CONTENT]]),
  assignments: [v1],
  progress: [
    // Ann: completed; first try right on q1, wrong on q2.
    progress('u1', {
      sectionsDone: ['s1', 's2'], startedAt: at, completedAt: at, acknowledgedAt: at, openedFromNotificationAt: at,
      answers: [
        { questionId: 'q1', selectedOptionIds: ['b'], correct: true, firstTryCorrect: true, attempts: 1, answeredAt: at },
        { questionId: 'q2', selectedOptionIds: ['x', 'z'], correct: true, firstTryCorrect: false, attempts: 2, answeredAt: at },
      ],
    }),
    // Bob: started, q1 wrong first.
    progress('u2', { sectionsDone: ['s1'], startedAt: at, answers: [{ questionId: 'q1', selectedOptionIds: ['b'], correct: true, firstTryCorrect: false, attempts: 2, answeredAt: at }] }),
  ],
  outbox: [
    { assignmentId: 'as1', recipientUserId: 'u1', kind: 'assigned' as const, state: 'sent' as const },
    { assignmentId: 'as1', recipientUserId: 'u2', kind: 'assigned' as const, state: 'sent' as const },
    { assignmentId: 'as1', recipientUserId: 'u3', kind: 'assigned' as const, state: 'dead' as const },
    { assignmentId: 'as1', recipientUserId: 'u4', kind: 'reminder' as const, state: 'sent' as const },
  ],
  people,
  now: new Date('2026-03-11T08:00:00Z'),
};

describe('completion dashboard', () => {
  it('counts assigned, notified, opened, started, completed and overdue', () => {
    const dashboard = buildDashboard(input);
    expect(dashboard).toMatchObject({ assigned: 4, notified: 2, opened: 1, started: 2, completed: 1, overdue: 3, moduleTitle: 'Our mission' });
  });

  it('says whose notification is still queued (a reminder is not the "assigned" notification) and whose failed', () => {
    const dashboard = buildDashboard(input);
    expect(dashboard).toMatchObject({ notified: 2, queued: 1, notificationFailed: 1 });
    expect(dashboard.people.map((person) => [person.displayName, person.notification])).toEqual([['=Cmd', 'failed'], ['Ann', 'sent'], ['Bob', 'sent'], ['Dee', 'queued']]);
  });

  it('gives each question’s first-try correct rate', () => {
    expect(buildDashboard(input).questions).toEqual([
      { questionId: 'q1', prompt: 'Window?', answered: 2, firstTryCorrect: 1, firstTryCorrectRate: 0.5 },
      { questionId: 'q2', prompt: 'Stays?', answered: 1, firstTryCorrect: 0, firstTryCorrectRate: 0 },
    ]);
  });

  it('lists people behind, overdue first, never the completed', () => {
    const before = buildDashboard({ ...input, now: new Date('2026-03-05T08:00:00Z') });
    expect(before.overdue).toBe(0);
    expect(before.peopleBehind.map((person) => person.displayName)).toEqual(['=Cmd', 'Dee']);
    expect(buildDashboard(input).peopleBehind.map((person) => person.displayName)).toEqual(['=Cmd', 'Bob', 'Dee']);
    expect(buildDashboard(input).behind).toBe(3);
    // One key orders the list and its page cursors: overdue first, then by name (ordinal).
    const ann = { overdue: false, displayName: 'Ann' };
    const zed = { overdue: true, displayName: 'Zed' };
    const bob = { overdue: true, displayName: 'Bob' };
    expect([ann, zed, bob].map(behindOrderKey).sort(compareOrdinal)).toEqual([bob, zed, ann].map(behindOrderKey));
  });

  it('counts a person once, on the newest version they were assigned', () => {
    const v2 = assignment({ id: 'as2', moduleVersionId: 'm1-v2', version: 2, recipientIds: ['u1'], createdAt: '2026-03-03T09:00:00.000Z' });
    const dashboard = buildDashboard({ ...input, assignments: [v1, v2], contents: new Map([['m1-v1', CONTENT], ['m1-v2', CONTENT]]) });
    expect(dashboard.assigned).toBe(4);
    expect(dashboard.people.find((person) => person.userId === 'u1')).toMatchObject({ version: 2, status: 'not_started' });
    expect(dashboard.completed).toBe(0);
  });

  it('names only the people the viewer may see; the figures still count everyone', () => {
    // A Leader of Operations: Ann and Bob by name; =Cmd (Support) and Dee (no team) counted only.
    const opsLeader = nameVisibilityFor({ userId: 'lead', isAdmin: false, isLeader: true, teamId: 'ops' });
    const dashboard = buildDashboard({ ...input, visibility: opsLeader });
    expect(dashboard).toMatchObject({ assigned: 4, notified: 2, queued: 1, overdue: 3, behind: 3, hiddenPeople: 2, hiddenPeopleBehind: 2 });
    expect(dashboard.people.map((person) => person.displayName)).toEqual(['Ann', 'Bob']);
    expect(dashboard.peopleBehind.map((person) => person.displayName)).toEqual(['Bob']);
    expect(dashboardCsv(dashboard)).not.toMatch(/Cmd|Dee|u3|u4/);

    // Dee herself, no leader: only her own row.
    const dee = buildDashboard({ ...input, visibility: nameVisibilityFor({ userId: 'u4', isAdmin: false, isLeader: false, teamId: null }) });
    expect(dee.people.map((person) => person.userId)).toEqual(['u4']);
    // An Admin (the default view): everyone, nothing hidden.
    const admin = buildDashboard({ ...input, visibility: nameVisibilityFor({ userId: 'a', isAdmin: true, isLeader: false, teamId: null }) });
    expect(admin).toMatchObject({ hiddenPeople: 0, hiddenPeopleBehind: 0 });
    expect(admin.people).toHaveLength(4);
  });

  it('exports one CSV row per person, neutralising formula-looking cells', () => {
    const csv = dashboardCsv(buildDashboard(input));
    const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('cohort,module,person,userId,status,notified,notification,opened,overdue,sectionsDone,sectionCount,dueDate,version,completedAt');
    expect(lines).toHaveLength(5);
    expect(lines).toContain(`Joined from Fabrikam,Our mission,Ann,u1,completed,yes,sent,yes,no,2,2,2026-03-10,1,${at}`);
    expect(lines.some((line) => line.includes(",'=Cmd,"))).toBe(true);
  });
});
