/**
 * Shared steps of the team routes: who may act on a team, and who the audit log names.
 * Order matters: the role is checked before the team is looked up, so an employee learns
 * nothing about which team ids exist; another tenant's team is simply not found.
 */
import type { AuditActor } from '../data/audit.js';
import type { StoredTeam } from '../data/teams-repository.js';
import { requireLeader, requireTeamLeader, type AuthorisedCaller } from '../http/authorise.js';
import type { Caller } from '../auth/verify-token.js';
import type { Services } from '../services.js';

export type TeamAccess = { ok: true; authorised: AuthorisedCaller; team: StoredTeam } | { ok: false };

/** Leader of this team or Admin (else AuthError 403); `{ok: false}` when the team is not in the caller's tenant. */
export async function teamForLeader(services: Services, caller: Caller, teamId: string): Promise<TeamAccess> {
  const authorised = await requireLeader(services, caller);
  const team = await services.teams.get(caller.tenantId, teamId);
  if (!team) return { ok: false };
  requireTeamLeader(authorised, teamId);
  return { ok: true, authorised, team };
}

export function actorOf(authorised: AuthorisedCaller): AuditActor {
  const { caller, person } = authorised;
  return { id: caller.userId, displayName: person?.displayName ?? caller.displayName ?? 'Unknown person' };
}
