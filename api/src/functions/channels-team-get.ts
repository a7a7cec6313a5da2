import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { json } from '../http/respond.js';
import { teamsThreadIdSchema } from '../shared/contracts.js';

/** GET /api/channels/{channelId}/team → {teamId} — how a channel tab finds its team at start-up (any employee). */
export const channelsTeamGet = authenticatedHandler(async ({ request, caller, services }) => {
  const channelId = teamsThreadIdSchema.safeParse(request.params.channelId ?? '');
  if (!channelId.success) return problems.validation([{ path: 'channelId', message: 'Not a Microsoft Teams channel id' }]);
  const team = await services.teams.findByChannel(caller.tenantId, channelId.data);
  if (!team) return problems.notFound('No team is linked to this channel yet.');
  return json(200, { teamId: team.id });
});
