/**
 * Teams and their members (directory container). Every change to a team is written in one
 * transactional batch with its audit entry, in the tenant's partition. Queries repeat the tenant
 * filter on purpose: a second fence, and the embedded local server ignores the partition key on queries.
 */
import { randomUUID } from 'node:crypto';
import type { Container, Resource } from '@azure/cosmos';
import { auditDocument, type AuditActor } from './audit.js';
import type { MembershipSource, TeamDocument } from './documents.js';
import { writeInBatch } from './audited-batch.js';
import { keptPerDirectoryVersion } from './directory-version.js';

export type StoredTeam = TeamDocument & Resource;

export interface TeamMember {
  id: string;
  displayName: string;
  teamId: string | null;
}

export type TeamWriteResult = { status: 'ok'; team: StoredTeam } | { status: 'stale'; current: StoredTeam } | { status: 'not_found' };

export interface TeamsRepository {
  /** Sorted by name; the same frozen array until the directory changes (directory-version.ts). */
  list(tenantId: string): Promise<readonly StoredTeam[]>;
  get(tenantId: string, teamId: string): Promise<StoredTeam | undefined>;
  findByChannel(tenantId: string, channelId: string): Promise<StoredTeam | undefined>;
  /** Everyone in the directory who counts (account enabled), with only the fields views need. */
  listPeople(tenantId: string): Promise<TeamMember[]>;
  /** The team's people who count (account enabled). */
  listMembers(tenantId: string, teamId: string): Promise<TeamMember[]>;
  /** Ids of the people who no longer count: account disabled, or removed from the tenant (anonymised). */
  listInactivePeopleIds(tenantId: string): Promise<string[]>;
  /** listPeople and listInactivePeopleIds in one query (insights reads both); the same arrays until the directory changes. */
  listPeopleAndInactive(tenantId: string): Promise<{ people: readonly TeamMember[]; inactiveIds: readonly string[] }>;
  /** The team's people (disabled ones included), each with where their membership came from. */
  listMembersWithSource(tenantId: string, teamId: string): Promise<(TeamMember & { source: MembershipSource | null; accountEnabled: boolean | null })[]>;
  /** Creates the team under `id`; if a team with that id exists (the same create, re-run after a crash), answers it. */
  create(tenantId: string, name: string, strategyIds: string[], actor: AuditActor, id?: string): Promise<StoredTeam>;
  /** Replaces the team's fields if its etag still equals `ifMatch`; audited in the same batch. */
  /** A change to `undefined` removes the field (unlinking a group). */
  update(tenantId: string, teamId: string, changes: Partial<Pick<TeamDocument, 'name' | 'strategyIds' | 'channel' | 'groupId' | 'linkedGroup'>>, ifMatch: string, actor: AuditActor): Promise<TeamWriteResult>;
  /** The tenant's team linked to this group, if any. */
  findByGroup(tenantId: string, groupId: string): Promise<StoredTeam | undefined>;
}

const query = (text: string, parameters: { name: string; value: string }[]) => ({ query: text, parameters });
const PEOPLE_FIELDS = 'SELECT c.id, c.displayName, c.teamId FROM c';
/** A person counts unless their account is disabled (an anonymised, removed person is disabled too). */
const COUNTS = '(NOT IS_DEFINED(c.accountEnabled) OR c.accountEnabled != false)';

const frozen = <T extends object>(items: T[]): readonly T[] => Object.freeze(items.map((item) => Object.freeze(item)));

/** Only the stored fields of a team, without Cosmos system properties. */
function teamFields(team: StoredTeam): TeamDocument {
  const { id, tenantId, type, name, strategyIds, channel, groupId, linkedGroup } = team;
  return { id, tenantId, type, name, strategyIds: strategyIds ?? [], ...(channel ? { channel } : {}), ...(groupId ? { groupId } : {}), ...(groupId && linkedGroup ? { linkedGroup } : {}) };
}

export function createTeamsRepository(container: Container, now: () => Date = () => new Date()): TeamsRepository {
  async function get(tenantId: string, teamId: string): Promise<StoredTeam | undefined> {
    const { resource } = await container.item(teamId, tenantId).read<StoredTeam>();
    return resource?.type === 'team' && resource.tenantId === tenantId ? resource : undefined;
  }

  async function queryAll<T>(text: string, parameters: { name: string; value: string }[], tenantId: string): Promise<T[]> {
    const { resources } = await container.items
      // maxItemCount -1: the service picks the page size (the embedded server then answers in one page).
      .query<T>(query(text, parameters), { partitionKey: tenantId, maxItemCount: -1 })
      .fetchAll();
    return resources;
  }

  async function readPeopleAndInactive(tenantId: string) {
    // The tenant's whole directory: rows of values rather than objects, so each person's field
    // names are not sent and parsed ten thousand times (77 → 52 ms on the local server).
    const rows = await queryAll<[string, string, string | null, boolean | null]>(
      // An undefined element would be left out of the array, shifting the rest: absent fields become null.
      "SELECT VALUE [c.id, c.displayName, IS_DEFINED(c.teamId) ? c.teamId : null, IS_DEFINED(c.accountEnabled) ? c.accountEnabled : null] FROM c WHERE c.tenantId = @tenantId AND c.type = 'person'",
      [{ name: '@tenantId', value: tenantId }],
      tenantId,
    );
    const people: TeamMember[] = [];
    const inactiveIds: string[] = [];
    // The same rule as COUNTS: only an explicit `false` leaves a person out.
    for (const [id, displayName, teamId, accountEnabled] of rows) {
      if (accountEnabled === false) inactiveIds.push(id);
      else people.push({ id, displayName, teamId });
    }
    return { people, inactiveIds };
  }
  async function readTeams(tenantId: string) {
    const teams = await queryAll<StoredTeam>("SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'team'", [{ name: '@tenantId', value: tenantId }], tenantId);
    return frozen(teams.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)));
  }
  // Both read for every organisation insight: kept until the directory changes (directory-version.ts),
  // frozen because every request then shares them.
  const teamsOf = keptPerDirectoryVersion(container, readTeams);
  const peopleAndInactive = keptPerDirectoryVersion(container, async (tenantId) => {
    const { people, inactiveIds } = await readPeopleAndInactive(tenantId);
    return { people: frozen(people), inactiveIds: Object.freeze(inactiveIds) };
  });

  return {
    get,
    list: teamsOf,
    async findByChannel(tenantId, channelId) {
      const [team] = await queryAll<StoredTeam>(
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'team' AND c.channel.channelId = @channelId",
        [
          { name: '@tenantId', value: tenantId },
          { name: '@channelId', value: channelId },
        ],
        tenantId,
      );
      return team;
    },
    async findByGroup(tenantId, groupId) {
      const [team] = await queryAll<StoredTeam>(
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'team' AND c.groupId = @groupId",
        [
          { name: '@tenantId', value: tenantId },
          { name: '@groupId', value: groupId },
        ],
        tenantId,
      );
      return team;
    },
    listPeople: (tenantId) =>
      queryAll<TeamMember>(`${PEOPLE_FIELDS} WHERE c.tenantId = @tenantId AND c.type = 'person' AND ${COUNTS}`, [{ name: '@tenantId', value: tenantId }], tenantId),
    listInactivePeopleIds: (tenantId) =>
      queryAll<string>("SELECT VALUE c.id FROM c WHERE c.tenantId = @tenantId AND c.type = 'person' AND c.accountEnabled = false", [{ name: '@tenantId', value: tenantId }], tenantId),
    listPeopleAndInactive: peopleAndInactive,
    async listMembersWithSource(tenantId, teamId) {
      const members = await queryAll<TeamMember & { source?: MembershipSource | null; accountEnabled?: boolean | null }>(
        "SELECT c.id, c.displayName, c.teamId, c.source, c.accountEnabled FROM c WHERE c.tenantId = @tenantId AND c.type = 'person' AND c.teamId = @teamId",
        [
          { name: '@tenantId', value: tenantId },
          { name: '@teamId', value: teamId },
        ],
        tenantId,
      );
      return members.map((member) => ({ ...member, source: member.source ?? null, accountEnabled: member.accountEnabled ?? null }));
    },
    listMembers: (tenantId, teamId) =>
      queryAll<TeamMember>(
        `${PEOPLE_FIELDS} WHERE c.tenantId = @tenantId AND c.type = 'person' AND c.teamId = @teamId AND ${COUNTS}`,
        [
          { name: '@tenantId', value: tenantId },
          { name: '@teamId', value: teamId },
        ],
        tenantId,
      ),
    async create(tenantId, name, strategyIds, actor, id = randomUUID()) {
      const team: TeamDocument = { id, tenantId, type: 'team', name, strategyIds };
      const audit = auditDocument({ tenantId, entityType: 'team', entityId: team.id, action: 'create', actor, before: null, after: team, at: now() });
      const result = await writeInBatch(container, tenantId, [{ kind: 'create', document: team }], [audit]);
      const [created] = result.status === 'ok' ? result.documents : result.status === 'conflict' ? [await get(tenantId, id)] : [];
      if (!created) throw new Error(`Creating a team failed: ${result.status}`);
      return created;
    },
    async update(tenantId, teamId, changes, ifMatch, actor) {
      const current = await get(tenantId, teamId);
      if (!current) return { status: 'not_found' };
      if (current._etag !== ifMatch) return { status: 'stale', current };
      const before = teamFields(current);
      const after = Object.fromEntries(Object.entries({ ...before, ...changes }).filter(([, value]) => value !== undefined)) as unknown as TeamDocument;
      const audit = auditDocument({ tenantId, entityType: 'team', entityId: teamId, action: 'update', actor, before, after, at: now() });
      // The If-Match on the replace is what makes this safe under races; the check above is the fast path.
      const result = await writeInBatch(container, tenantId, [{ kind: 'replace', document: after, ifMatch }], [audit]);
      if (result.status === 'ok' && result.documents[0]) return { status: 'ok', team: result.documents[0] };
      const latest = await get(tenantId, teamId);
      return latest ? { status: 'stale', current: latest } : { status: 'not_found' };
    },
  };
}
