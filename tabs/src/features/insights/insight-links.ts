/** Where each kind of misalignment is fixed, as links into the tab's other areas. */
import type { Alignment } from '@contracts';
import { hrefFor } from '../../app/routes';
import type { FixItem } from './components/FixList';

const MISSING: Record<string, string> = { why: 'why it is a focus now', customerImpact: 'how it serves customers' };
const REASONS: Record<string, string> = { no_strategy: 'no strategy', strategy_archived: 'its strategy was archived' };

export interface FixLists {
  unlinkedTasks: FixItem[];
  strategiesWithoutTasks: FixItem[];
  strategiesWithoutTeams: FixItem[];
  peopleWithoutLinkedTask: FixItem[];
  incompleteStrategies: FixItem[];
}

/**
 * Links for a leader: tasks open in their team's task list, strategies in the editor. Each task and
 * person carries their team; `teamOf` is the team when the view is one team's. A link
 * leads only where the viewer can act: `actionableTeamIds` (from the server) are the teams whose
 * tasks and mapping they may change; anything else stays plain text that says who can fix it.
 */
export function leaderFixLists(
  alignment: Alignment,
  teamOf: (ownerOrTaskId: string) => string | undefined,
  leads: boolean,
  actionableTeamIds: readonly string[] = [],
): FixLists {
  const link = (href: string) => (leads ? href : undefined);
  const canAct = (teamId: string | null | undefined): teamId is string => leads && !!teamId && actionableTeamIds.includes(teamId);
  const firstTeam = actionableTeamIds[0];
  return {
    unlinkedTasks: alignment.unlinkedTasks.items.map((task) => {
      const team = task.teamId ?? teamOf(task.id) ?? teamOf(task.ownerId);
      const where = canAct(team) ? '' : leads ? (team ? ', only its team’s leader or an admin can re-link it' : ', its owner is in no team: they can link it on their home view') : '';
      return {
        key: task.id,
        label: task.title,
        href: canAct(team) ? hrefFor('teams', { team, task: task.id }) : undefined,
        detail: `${task.ownerName}, ${REASONS[task.reason] ?? task.reason}${task.source ? `, from ${task.source === 'planner' ? 'Planner' : 'To Do'}` : ''}${where}`,
      };
    }),
    strategiesWithoutTasks: alignment.strategiesWithoutTasks.map((s) => ({ key: s.id, label: s.title, href: link(hrefFor('strategy', { edit: s.id })) })),
    strategiesWithoutTeams: alignment.strategiesWithoutTeams.map((s) => ({
      key: s.id,
      label: s.title,
      href: firstTeam && canAct(firstTeam) ? hrefFor('teams', { team: firstTeam }) : undefined,
      detail: firstTeam && canAct(firstTeam) ? 'map a team to it' : 'a team’s leader or an admin can map their team to it',
    })),
    peopleWithoutLinkedTask: alignment.peopleWithoutLinkedTask.items.map((person) => ({
      key: person.id,
      label: person.displayName,
      href: canAct(person.teamId) ? hrefFor('teams', { team: person.teamId }) : undefined,
    })),
    incompleteStrategies: alignment.incompleteStrategies.map((s) => ({
      key: s.id,
      label: s.title,
      href: link(hrefFor('strategy', { edit: s.id })),
      detail: `missing ${s.missing.map((field) => MISSING[field] ?? field).join(' and ')}`,
    })),
  };
}

export const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * The lines under a list: how many more there are than it shows, and how many it may not name
 * (people and tasks of teams the viewer doesn't lead; the server counts them but sends no names).
 */
export function listFootnotes(total: number, shown: number, hidden: number): string[] {
  const more = total - shown - hidden;
  const notes: string[] = [];
  if (more > 0) notes.push(`…and ${more} more.`);
  if (hidden > 0) notes.push(`${hidden} ${shown > 0 || more > 0 ? 'more ' : ''}not named here: only their team’s leaders see who.`);
  return notes;
}
