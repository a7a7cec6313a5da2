/** Pure helpers of the channel tab's set-up: which team to offer first, and what the tab remembers. */
import type { Team } from '@contracts';

/** What the configuration page needs to know about the channel it is adding the tab to. */
export interface ChannelContext {
  id: string;
  teamName: string | undefined;
}

/** A team already linked to this channel, else the one named like the channel's Teams team, else none (''). */
export function preselectTeam(teams: readonly Team[], channel: ChannelContext | null): string {
  const linked = teams.find((team) => channel && team.channel?.channelId === channel.id);
  const named = teams.find((team) => channel?.teamName !== undefined && team.name.toLowerCase() === channel.teamName.toLowerCase());
  return (linked ?? named)?.id ?? '';
}

/** The channel tab's entity id names the team it was set up for, so the tab still opens if the link is lost. */
export const entityIdFor = (teamId: string) => `team-${teamId}`;
export const teamIdFromEntityId = (entityId: string) => (entityId.startsWith('team-') && entityId.length > 5 ? entityId.slice(5) : null);
