/**
 * One tenant's team membership from the Microsoft 365 groups its app teams are linked to. Per linked
 * group, `GET /groups/{id}/transitiveMembers/microsoft.graph.user` (GroupMember.Read.All), paged
 * and paced, then each person's team follows the membership rule (domain/directory-people.ts:
 * membershipFor) and only changed people are written.
 *
 * Why not `/groups/delta` with members@delta: it lists every group of the tenant (an app links a
 * handful), and its members are direct members only, so a group nesting other groups would need
 * those read anyway. A full member read of each linked group is one request per 999 members, needs
 * no stored state (a crashed run is simply run again: the same reads give the same writes), and
 * Graph's limits for it are far above one read per group every few minutes.
 */
import type { GroupMembersReader } from '../data/entra-group-members.js';
import type { PeopleRepository } from '../data/people-repository.js';
import type { TeamsRepository } from '../data/teams-repository.js';
import { isActivePerson, membershipFor, type LinkedTeam } from '../domain/directory-people.js';

/** The largest group a team follows; beyond it the group is skipped (and reported). */
export const MAX_GROUP_MEMBERS = 5_000;

export interface TeamMembersSyncDependencies {
  groups: GroupMembersReader;
  people: PeopleRepository;
  teams: TeamsRepository;
  sleep: (ms: number) => Promise<void>;
  pageDelayMs: number;
}

export interface TeamMembersSyncReport {
  linkedTeams: number;
  /** Groups that could not be read this run (their people keep what they had). */
  unreadGroups: { groupId: string; reason: string }[];
  changedPeople: number;
}

const sameSet = (a: readonly string[] = [], b: readonly string[] = []) => a.length === b.length && a.every((value) => b.includes(value));

export async function syncTeamMembers(deps: TeamMembersSyncDependencies, tenantId: string): Promise<TeamMembersSyncReport> {
  const linked: LinkedTeam[] = (await deps.teams.list(tenantId)).flatMap((team) =>
    team.groupId ? [{ id: team.id, name: team.name, groupId: team.groupId, source: team.linkedGroup?.via === 'channel' ? ('channel' as const) : ('group' as const) }] : [],
  );
  const report: TeamMembersSyncReport = { linkedTeams: linked.length, unreadGroups: [], changedPeople: 0 };
  const people = await deps.people.listPeople(tenantId);
  const followsGroups = (person: (typeof people)[number]) => person.source === 'group' || person.source === 'channel' || (person.groupIds?.length ?? 0) > 0;
  if (linked.length === 0 && !people.some(followsGroups)) return report;

  /** groupId → the user ids it lists; a group missing here was not read (its old memberships stand). */
  const members = new Map<string, Set<string>>();
  for (const groupId of new Set(linked.map((team) => team.groupId))) {
    const result = await deps.groups.transitiveUsers(tenantId, groupId, MAX_GROUP_MEMBERS);
    if (result.ok) members.set(groupId, new Set(result.members.map((member) => member.id)));
    else report.unreadGroups.push({ groupId, reason: result.reason });
    await deps.sleep(deps.pageDelayMs);
  }
  const linkedGroupIds = new Set(linked.map((team) => team.groupId));

  for (const person of people) {
    // Disabled and removed people keep what they had (they count nowhere); the others follow their groups.
    if (!isActivePerson(person)) continue;
    const groupIds = new Set<string>();
    for (const groupId of linkedGroupIds) {
      const listed = members.get(groupId);
      // A group that could not be read keeps the person's previous answer for it.
      if (listed ? listed.has(person.id) : person.groupIds?.includes(groupId)) groupIds.add(groupId);
    }
    const current = { teamId: person.teamId, source: person.source ?? undefined };
    const next = membershipFor(current, groupIds, linked);
    const nextGroupIds = [...groupIds].sort();
    if (next.teamId === current.teamId && next.source === current.source && sameSet(nextGroupIds, person.groupIds)) continue;
    await deps.people.patchFields(tenantId, person.id, { teamId: next.teamId, source: next.source, groupIds: nextGroupIds });
    report.changedPeople += 1;
  }
  return report;
}
