import { describe, expect, it } from 'vitest';
import { assignedNotifications, extendAssignments, planAssignments } from '../../../api/src/domain/onboarding/assignment-plan.js';
import { previewMemberRows, readMemberCsv } from '../../../api/src/domain/onboarding/member-import.js';
import type { PersonDocument } from '../../../api/src/data/documents.js';
import { assignmentIdFor, type ModuleVersionDocument } from '../../../api/src/data/onboarding-documents.js';
import { fieldErrorsFrom } from '../../../api/src/http/request-body.js';
import { moduleContentSchema } from '../../../api/src/shared/contracts.js';
import { CONTENT, TENANT, assignment } from './onboarding-fixtures.js';
import { FIRST_WEEK_MODULE, MISSION_MODULE, STRATEGIES_MODULE } from '../../../api/src/local/seed-onboarding-modules.js';

const person = (id: string, upn: string, email?: string): PersonDocument => ({ id, tenantId: TENANT, type: 'person', displayName: id.toUpperCase(), teamId: null, roles: ['Employee'], upn, ...(email ? { email } : {}) });

describe('cohort members from CSV', () => {
  const people = [person('u1', 'ann@contoso.example'), person('u2', 'bob@contoso.example', 'Bob.Smith@Contoso.example'), person('u3', 'cy@contoso.example')];

  it('reads one address per row, with or without a header', () => {
    expect(readMemberCsv('upn\r\nann@contoso.example\r\n\r\nbob@contoso.example\n', 100)).toEqual({ ok: true, rows: [{ row: 2, value: 'ann@contoso.example' }, { row: 3, value: 'bob@contoso.example' }] });
    expect(readMemberCsv('', 100)).toMatchObject({ ok: false });
    expect(readMemberCsv('a@b.c\nd@e.f\n', 1)).toMatchObject({ ok: false });
  });

  it('gives every row a verdict: add, already a member, duplicate or error', () => {
    const csv = readMemberCsv('email\nANN@contoso.example\nbob.smith@contoso.example\nnot-an-address\nnobody@contoso.example\nann@contoso.example\ncy@contoso.example', 100);
    if (!csv.ok) throw new Error(csv.message);
    const preview = previewMemberRows(csv.rows, people, ['u3']);
    expect(preview.rows.map((row) => [row.row, row.status, row.userId ?? row.error])).toEqual([
      [2, 'add', 'u1'],
      [3, 'add', 'u2'],
      [4, 'error', 'Not a UPN or email address'],
      [5, 'error', 'Nobody in your organisation has this UPN or email'],
      [6, 'duplicate', 'u1'],
      [7, 'already_member', 'u3'],
    ]);
    expect(preview.toAdd).toEqual(['u1', 'u2']);
    expect(preview.errors).toBe(2);
  });
});

describe('assignment planning', () => {
  const version = (n: number): ModuleVersionDocument => ({ id: `m1-v${n}`, tenantId: TENANT, type: 'moduleVersion', moduleId: 'm1', version: n, content: CONTENT, publishedAt: 'x', publishedBy: 'lead' });
  const base = { tenantId: TENANT, cohort: { id: 'c1', memberIds: ['u1', 'u2', 'u3'] }, dueDate: '2026-03-20', startAt: null, createdBy: 'lead', now: 'now', assignmentsOfVersions: [] };

  it('sends to everyone, or only to those who completed an older version; the plan starts with nobody queued', () => {
    const [everyone] = planAssignments({ ...base, versions: [version(2)], audience: 'everyone', completed: [] }).create;
    expect(everyone).toMatchObject({ id: assignmentIdFor('c1', 'm1-v2'), recipientIds: ['u1', 'u2', 'u3'], fanOut: { queued: 0, pending: 3 } });
    const completed = [
      { userId: 'u1', moduleId: 'm1', version: 1, completedAt: 'x' },
      { userId: 'u2', moduleId: 'm1', version: 1, completedAt: null },
      { userId: 'u3', moduleId: 'm1', version: 2, completedAt: 'x' },
    ];
    expect(planAssignments({ ...base, versions: [version(2)], audience: 'completedPreviousVersion', completed }).create[0]!.recipientIds).toEqual(['u1']);
  });

  it('assigns nothing new to members whose account is disabled or who left the directory', () => {
    const [plan] = planAssignments({ ...base, versions: [version(2)], audience: 'everyone', completed: [], inactive: new Set(['u2']) }).create;
    expect(plan).toMatchObject({ recipientIds: ['u1', 'u3'], fanOut: { queued: 0, pending: 2 } });
  });

  it('finds a version the cohort already has instead of assigning it again, and leaves out people who hold it through another cohort', () => {
    const mine = assignment({ id: assignmentIdFor('c1', 'm1-v1'), cohortId: 'c1', moduleVersionId: 'm1-v1', recipientIds: ['u1'] });
    const theirs = assignment({ id: assignmentIdFor('c9', 'm1-v2'), cohortId: 'c9', moduleVersionId: 'm1-v2', recipientIds: ['u2', 'u7'] });
    const plan = planAssignments({ ...base, versions: [version(1), version(2)], audience: 'everyone', completed: [], assignmentsOfVersions: [mine, theirs] });
    expect(plan.existing).toEqual([mine]);
    expect(plan.create.map((created) => [created.moduleVersionId, created.recipientIds, created.fanOut])).toEqual([['m1-v2', ['u1', 'u3'], { queued: 0, pending: 2 }]]);
    // The id is the same for every request about (cohort, version), and differs across cohorts.
    expect(assignmentIdFor('c1', 'm1-v2')).toBe(plan.create[0]!.id);
    expect(assignmentIdFor('c2', 'm1-v2')).not.toBe(plan.create[0]!.id);
  });

  it('queues one assigned notification per person and version, held until the scheduled start', () => {
    const requests = assignedNotifications(assignment({ startAt: '2026-03-05T09:00:00.000Z' }), ['u1', 'u2'], 'app');
    expect(requests.map((request) => request.idempotencyKey)).toEqual(['m1-v1:u1:assigned', 'm1-v1:u2:assigned']);
    expect(requests[0]).toMatchObject({ kind: 'assigned', assignmentId: 'as1', chainKey: 'as1:assigned', notBefore: '2026-03-05T09:00:00.000Z', content: { activityType: 'moduleAssigned' } });
  });

  it('extends "everyone" assignments to new members (their plan grows by them), except people who hold the version elsewhere', () => {
    const queued = assignment({ recipientIds: ['u1', 'u2'], fanOut: { queued: 2, pending: 0 } });
    const extended = extendAssignments([queued, assignment({ id: 'as2', audience: 'completedPreviousVersion' })], ['u2', 'u9', 'u8'], new Map([['m1-v1', new Set(['u8'])]]));
    expect(extended).toHaveLength(1);
    expect(extended[0]!.added).toEqual(['u9']);
    expect(extended[0]!.assignment).toMatchObject({ recipientIds: ['u1', 'u2', 'u9'], fanOut: { queued: 2, pending: 1 } });
    // An assignment from before plans existed counts as fully queued.
    expect(extendAssignments([assignment()], ['u5'])[0]!.assignment.fanOut).toEqual({ queued: 2, pending: 1 });
  });
});

describe('module content contract', () => {
  it('accepts the demo modules', () => {
    for (const module of [MISSION_MODULE, STRATEGIES_MODULE, FIRST_WEEK_MODULE]) expect(moduleContentSchema.safeParse(module).success).toBe(true);
  });

  it('refuses HTML-capable URLs, wrong answers and duplicate ids, with field paths', () => {
    const result = moduleContentSchema.safeParse({
      ...CONTENT,
      sections: [
        { id: 's1', title: 'A', blocks: [{ type: 'link', text: 'x', url: 'javascript:alert(1)' }, { type: 'image', url: 'http://example.com/a.png', alt: 'a' }, { type: 'html', html: '<b>' }] },
        { id: 's1', title: 'B', blocks: [{ type: 'paragraph', text: 'ok' }] },
      ],
      questions: [{ ...CONTENT.questions[0]!, correctOptionIds: ['zz'] }],
    });
    expect(result.success).toBe(false);
    const paths = fieldErrorsFrom(result.error!).map((error) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['sections.0.blocks.0.url', 'sections.0.blocks.1.url', 'sections.0.blocks.2.type', 'questions.0.correctOptionIds.0']));
  });
});
