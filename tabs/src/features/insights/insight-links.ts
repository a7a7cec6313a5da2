/** Where each kind of misalignment is fixed, as links into the tab's other areas. */
import type { Alignment } from '@contracts';
import { hrefFor } from '../../app/routes';
import type { FixItem } from './components/FixList';
import { formatList, formatPercent } from '../../i18n';
import { insightsText } from './messages';

const t = insightsText.text;


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
      const where = canAct(team) ? 'none' : leads ? (team ? 'team' : 'noTeam') : 'none';
      return {
        key: task.id,
        label: task.title,
        href: canAct(team) ? hrefFor('teams', { team, task: task.id }) : undefined,
        detail: t('taskDetail', { owner: task.ownerName, reason: task.reason, source: task.source ?? 'none', where }),
      };
    }),
    strategiesWithoutTasks: alignment.strategiesWithoutTasks.map((s) => ({ key: s.id, label: s.title, href: link(hrefFor('strategy', { edit: s.id })) })),
    strategiesWithoutTeams: alignment.strategiesWithoutTeams.map((s) => ({
      key: s.id,
      label: s.title,
      href: firstTeam && canAct(firstTeam) ? hrefFor('teams', { team: firstTeam }) : undefined,
      detail: t(firstTeam && canAct(firstTeam) ? 'mapTeam' : 'leaderCanMap'),
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
      detail: t('missing', { fields: formatList(s.missing.map((field) => t('missingField', { field }))) }),
    })),
  };
}

export const percent = (share: number) => formatPercent(share);

/**
 * The lines under a list: how many more there are than it shows, and how many it may not name
 * (people and tasks of teams the viewer doesn't lead; the server counts them but sends no names).
 */
export function listFootnotes(total: number, shown: number, hidden: number): string[] {
  const more = total - shown - hidden;
  const notes: string[] = [];
  if (more > 0) notes.push(t('more', { count: more }));
  if (hidden > 0) notes.push(t(shown > 0 || more > 0 ? 'moreNotNamed' : 'notNamed', { count: hidden }));
  return notes;
}
