/**
 * Who may see whose name and tasks, as the insights, the channel tab and the export apply it: an Admin
 * everyone's; a Leader the people of the team they lead (their own team); anyone themself. Everyone
 * else's work is counted, never named. Pure.
 */

/** Whose names and tasks the lists may show; totals always count everyone. */
export interface NameVisibility {
  /** Everyone's (Admins). */
  everyone: boolean;
  /** The teams whose people and tasks are listed (the teams a Leader leads). */
  teamIds: ReadonlySet<string>;
  /** The viewer: their own name and tasks are theirs to see. */
  selfId?: string;
}

/** Every name and task: the Admin's view, and what the pure figures are checked against. */
export const EVERYONE_VISIBLE: NameVisibility = { everyone: true, teamIds: new Set() };

/** What a viewer may see: an Admin everyone; a Leader their own team (the team they lead); anyone themself. */
export function nameVisibilityFor(viewer: { userId: string; isAdmin: boolean; isLeader: boolean; teamId: string | null | undefined }): NameVisibility {
  if (viewer.isAdmin) return EVERYONE_VISIBLE;
  return { everyone: false, teamIds: new Set(viewer.isLeader && viewer.teamId ? [viewer.teamId] : []), selfId: viewer.userId };
}

export function canSee(visibility: NameVisibility, personId: string, teamId: string | null): boolean {
  return visibility.everyone || personId === visibility.selfId || (teamId !== null && visibility.teamIds.has(teamId));
}

/** The items (tasks, rows) whose owner the viewer may see, given each person's team. */
export function visibleOwned<T extends { ownerId: string }>(
  visibility: NameVisibility,
  items: readonly T[],
  people: readonly { id: string; teamId: string | null }[],
): T[] {
  if (visibility.everyone) return [...items];
  const teamOf = new Map(people.map((person) => [person.id, person.teamId]));
  return items.filter((item) => canSee(visibility, item.ownerId, teamOf.get(item.ownerId) ?? null));
}
