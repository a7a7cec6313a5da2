import { describe, expect, it } from 'vitest';
import { anonymisedPerson, isActivePerson, membershipFor, profileFieldsFrom, type LinkedTeam } from '../../../api/src/domain/directory-people.js';
import type { PersonDocument } from '../../../api/src/data/documents.js';

describe('a person’s profile from a /users/delta entry', () => {
  it('takes every property the entry carries, and the manager from manager@delta', () => {
    expect(profileFieldsFrom({
      id: 'u1', displayName: ' Ada Park ', userPrincipalName: 'ada@contoso.example', mail: 'ada.park@contoso.example', department: 'Sales', jobTitle: '', accountEnabled: false,
      'manager@delta': [{ '@odata.type': '#microsoft.graph.user', id: 'm1' }],
    })).toEqual({ displayName: 'Ada Park', upn: 'ada@contoso.example', email: 'ada.park@contoso.example', department: 'Sales', jobTitle: null, accountEnabled: false, managerId: 'm1' });
  });

  it('changes nothing a later round leaves out, and clears a manager Graph reports removed', () => {
    expect(profileFieldsFrom({ id: 'u1', jobTitle: 'Lead' })).toEqual({ jobTitle: 'Lead' });
    expect(profileFieldsFrom({ id: 'u1', 'manager@delta': [{ id: 'm1', '@removed': { reason: 'deleted' } }] })).toEqual({ managerId: null });
  });
});

describe('the removal rule', () => {
  it('keeps only the object id of a person deleted from the tenant, who then counts nowhere', () => {
    const person: PersonDocument = {
      id: 'u1', tenantId: 't', type: 'person', displayName: 'Ada Park', teamId: 'T1', roles: ['Employee', 'Leader'], grantedRoles: ['Leader'], upn: 'ada@x', email: 'ada@x',
      department: 'Sales', jobTitle: 'Lead', managerId: 'm1', source: 'group', groupIds: ['g1'], formerCompany: 'Fabrikam', lastVisitAt: 'x',
    };
    const left = anonymisedPerson(person, '2026-03-02T09:00:00.000Z');
    expect(left).toEqual({ id: 'u1', tenantId: 't', type: 'person', displayName: 'Former colleague', teamId: null, roles: ['Employee'], accountEnabled: false, removedAt: '2026-03-02T09:00:00.000Z' });
    expect(isActivePerson(left)).toBe(false);
    expect(isActivePerson({ accountEnabled: false })).toBe(false);
    expect(isActivePerson({})).toBe(true);
  });
});

describe('the membership rule', () => {
  const teams: LinkedTeam[] = [
    { id: 'T-b', name: 'Beta', groupId: 'g-b', source: 'group' },
    { id: 'T-a', name: 'Alpha', groupId: 'g-a', source: 'channel' },
  ];

  it('never changes a membership set by hand', () => {
    expect(membershipFor({ teamId: 'T-manual', source: undefined }, new Set(['g-a']), teams)).toEqual({ teamId: 'T-manual', source: undefined });
    expect(membershipFor({ teamId: 'T-manual', source: 'manual' }, new Set(['g-a']), teams)).toEqual({ teamId: 'T-manual', source: 'manual' });
  });

  it('keeps the linked team a person is in while its group lists them, else the first by name, else none', () => {
    expect(membershipFor({ teamId: 'T-b', source: 'group' }, new Set(['g-a', 'g-b']), teams)).toEqual({ teamId: 'T-b', source: 'group' });
    expect(membershipFor({ teamId: null, source: undefined }, new Set(['g-a', 'g-b']), teams)).toEqual({ teamId: 'T-a', source: 'channel' });
    expect(membershipFor({ teamId: 'T-b', source: 'group' }, new Set(['g-a']), teams)).toEqual({ teamId: 'T-a', source: 'channel' });
    expect(membershipFor({ teamId: 'T-b', source: 'group' }, new Set(), teams)).toEqual({ teamId: null, source: undefined });
  });
});
