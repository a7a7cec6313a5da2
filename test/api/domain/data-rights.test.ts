/** Data rights rules by worked examples: what erasing a person does to each kind of document, the personal download's redaction, and the tenant deletion's timing. */
import { describe, expect, it } from 'vitest';
import { erasureVerdict, namePattern, type ErasureSubject } from '../../../api/src/domain/data-rights-erasure.js';
import { ANOTHER_PERSON, ANOTHER_PERSON_ID, isAboutPerson, redactorFor } from '../../../api/src/domain/data-rights-export.js';
import { confirmationMatches, deletionStatus, isDue, latestOf, needsSweep, newTenantDeletion, opaqueRequester } from '../../../api/src/domain/data-rights-deletion.js';

const ANA = '11111111-1111-4111-8111-111111111111';
const BO = '22222222-2222-4222-8222-222222222222';
const subject: ErasureSubject = { id: ANA, pseudonymId: 'former-x', names: ['Ana Lopez', 'ana.lopez@contoso.example'], taskIds: new Set(['task-1']) };

describe('erasing a person', () => {
  it('deletes what is theirs: tasks, progress, notifications to them, their answers, counts, connections, keyed requests', () => {
    const own = [
      ['tasks', { id: 'task-1', tenantId: 't', ownerId: ANA, title: 'Mine' }],
      ['tasks', { id: 'c', tenantId: 't', type: 'taskSourceConnection', personId: ANA }],
      ['onboarding', { id: 'p', tenantId: 't', type: 'progress', userId: ANA }],
      ['onboarding', { id: 'o', tenantId: 't', type: 'outbox', recipientUserId: ANA }],
      ['alignment', { id: 'a', tenantId: 't', type: 'alignmentAnswer', leaderId: ANA }],
      ['alignment', { id: 'q', tenantId: 't', type: 'momentQuota', authorId: ANA }],
      ['idempotency', { id: 'i', tenantId: 't', type: 'idempotency', userId: ANA }],
    ] as const;
    for (const [container, document] of own) expect(erasureVerdict(container, document, subject), document.id).toEqual({ kind: 'delete' });
  });

  it('rewrites what others keep: id → pseudonym, name, UPN and email → "Former colleague", in text, arrays and keys', () => {
    const moment = { id: 'm', tenantId: 't', type: 'moment', authorId: BO, text: 'Thanks ANA LOPEZ (ana.lopez@contoso.example)!', recognisedUserIds: [ANA, BO], counts: { [ANA]: 2 }, _etag: 'e' };
    expect(erasureVerdict('alignment', moment, subject)).toEqual({
      kind: 'rewrite',
      document: { id: 'm', tenantId: 't', type: 'moment', authorId: BO, text: 'Thanks Former colleague (Former colleague)!', recognisedUserIds: ['former-x', BO], counts: { 'former-x': 2 } },
    });
  });

  it('empties audit snapshots of their own tasks, and rewrites the actor of entries they made', () => {
    const entry = { id: 'au', tenantId: 't', type: 'audit', entityType: 'task', entityId: 'task-1', actor: { id: ANA, displayName: 'Ana Lopez' }, before: { title: 'Secret plan' }, after: null };
    const verdict = erasureVerdict('tasks', entry, subject);
    expect(verdict).toMatchObject({ kind: 'rewrite', document: { before: null, after: null, actor: { id: 'former-x', displayName: 'Former colleague' } } });
    expect(JSON.stringify(verdict)).not.toContain('Secret plan');
  });

  it('keeps what never named them, and another person’s record even when the names are alike', () => {
    expect(erasureVerdict('pulses', { id: 'r', tenantId: 't', type: 'pulseResponse', values: [5, 4] }, subject)).toEqual({ kind: 'keep' });
    expect(erasureVerdict('directory', { id: BO, tenantId: 't', type: 'person', displayName: 'Ana Lopez' }, subject)).toEqual({ kind: 'keep' });
    // Whole words only: "Anastasia Lopez-Smith" is not Ana Lopez.
    expect(erasureVerdict('alignment', { id: 'm2', tenantId: 't', type: 'moment', text: 'Anastasia Lopezinho' }, subject)).toEqual({ kind: 'keep' });
  });

  it('gives a document whose id contains theirs a new id', () => {
    const verdict = erasureVerdict('alignment', { id: `answer-r1-${ANA}`, tenantId: 't', type: 'roundNote', leader: ANA }, subject);
    expect(verdict).toMatchObject({ kind: 'rewrite', document: { id: 'answer-r1-former-x', leader: 'former-x' } });
  });

  it('matches names longest first, ignoring blanks and one-letter names', () => {
    expect(namePattern(['', 'A'])).toBeNull();
    expect('Ana Lopez and Ana'.replace(namePattern(['Ana', 'Ana Lopez'])!, '*')).toBe('* and *');
  });
});

describe('a personal download', () => {
  it('keeps documents that mention the person and replaces everyone else', () => {
    const redact = redactorFor({ ids: new Set([BO]), names: ['Bo Chen', 'bo.chen@contoso.example'] });
    const moment = { id: 'm', tenantId: 't', authorId: BO, text: 'Bo Chen thanks Ana', recognisedUserIds: [ANA], key: `x:${BO}`, _etag: 'e' };
    expect(isAboutPerson(moment, ANA)).toBe(true);
    expect(isAboutPerson({ id: 'n', text: 'nothing' }, ANA)).toBe(false);
    expect(redact(moment)).toEqual({ id: 'm', tenantId: 't', authorId: ANOTHER_PERSON_ID, text: `${ANOTHER_PERSON} thanks Ana`, recognisedUserIds: [ANA], key: `x:${ANOTHER_PERSON_ID}` });
  });
});

describe('deleting a tenant', () => {
  const now = new Date('2026-03-02T09:00:00.000Z');
  const entry = newTenantDeletion({ id: 'd1', tenantId: 'tenant-a', userId: ANA, now });

  it('needs the organisation’s name: case and outer spaces forgiven, nothing else', () => {
    expect(confirmationMatches('  contoso   LOGISTICS ', 'Contoso Logistics')).toBe(true);
    expect(confirmationMatches('Contoso', 'Contoso Logistics')).toBe(false);
    expect(confirmationMatches('', '')).toBe(false);
  });

  it('waits 7 days, then is due; a started one is always due; a cancelled one never', () => {
    expect(entry.deleteAfter).toBe('2026-03-09T09:00:00.000Z');
    expect(isDue(entry, new Date('2026-03-09T08:59:59.000Z'))).toBe(false);
    expect(isDue(entry, new Date('2026-03-09T09:00:00.000Z'))).toBe(true);
    expect(isDue({ ...entry, state: 'deleting' }, now)).toBe(true);
    expect(isDue({ ...entry, state: 'cancelled' }, new Date('2027-01-01T00:00:00.000Z'))).toBe(false);
  });

  it('sweeps for 15 minutes after done', () => {
    const done = { ...entry, state: 'done' as const, doneAt: '2026-03-09T10:00:00.000Z' };
    expect(needsSweep(done, new Date('2026-03-09T10:14:00.000Z'))).toBe(true);
    expect(needsSweep(done, new Date('2026-03-09T10:16:00.000Z'))).toBe(false);
  });

  it('logs nobody: the requester is an opaque hash', () => {
    expect(entry.requestedBy).toBe(opaqueRequester('tenant-a', ANA));
    expect(entry.requestedBy).not.toContain(ANA);
    expect(entry.requestedBy).toMatch(/^[0-9a-f]{32}$/);
  });

  it('shows the latest request, with its date only while pending', () => {
    const later = { ...entry, id: 'd2', requestedAt: '2026-03-03T09:00:00.000Z', state: 'cancelled' as const };
    expect(latestOf([entry, later])?.id).toBe('d2');
    expect(deletionStatus(later, 'Contoso', false)).toMatchObject({ state: 'cancelled', deleteAfter: null, canManage: false });
    expect(deletionStatus(undefined, 'Contoso', true)).toMatchObject({ state: 'none', etag: null, gracePeriodDays: 7 });
  });
});
