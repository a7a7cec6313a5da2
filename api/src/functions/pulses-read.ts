import { sealPulse } from '../data/pulse-lifecycle.js';
import type { StoredPulse, TrendPulse } from '../data/pulse-repository.js';
import { emptyTally, resultGroups, statementFigures, type PulseTallies } from '../domain/pulse/aggregation.js';
import { suppressGroups } from '../domain/pulse/anonymity.js';
import { isAcceptingAnswers, isInAudience, toPulse } from '../domain/pulse/pulse-rules.js';
import { authoriseCaller, requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem, problems } from '../http/problem.js';
import { json } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';
import type { MyPulses, PulseList, PulseResults } from '../shared/pulse-contracts.js';
import type { Services } from '../services.js';
import { markerIdFor, secretOf, thresholdOf } from './pulse-support.js';

const TREND_PULSES = 12;

/** While open: respondent counts per team only (answers are never read before close). */
async function liveTallies(services: Services, pulse: StoredPulse): Promise<PulseTallies> {
  const teams = await services.pulses.listResponseTeams(pulse.tenantId, pulse.id);
  const tallies: PulseTallies = { statementCount: pulse.statements.length, organisation: emptyTally(pulse.statements.length), teams: {} };
  for (const teamId of teams) {
    tallies.organisation.respondents += 1;
    if (teamId !== null) (tallies.teams[teamId] ??= emptyTally(pulse.statements.length)).respondents += 1;
  }
  return tallies;
}

/** A closed pulse's tallies, kept when it closed (made now if the sealing has not run yet). */
async function closedSummary(services: Services, pulse: StoredPulse): Promise<NonNullable<StoredPulse['summary']> | undefined> {
  if (pulse.summary) return pulse.summary;
  const sealed = await sealPulse(services.pulses, pulse, services.now(), 0);
  return (sealed ?? (await services.pulses.getPulse(pulse.tenantId, pulse.id)))?.summary;
}

/** Organisation-wide share agreeing (mean over statements) and response rate of each closed pulse, oldest first; null below k. */
function trendOf(pulses: readonly TrendPulse[]): PulseResults['trend'] {
  return pulses
    .filter((pulse) => pulse.organisation && pulse.closedAt)
    .reverse()
    .map((pulse) => {
      const organisation = pulse.organisation!;
      const shown = suppressGroups({ threshold: pulse.threshold, organisation: organisation.respondents, teams: [] }).organisationShown;
      const shares = pulse.statements.map((_, index) => statementFigures(organisation, index).agreeShare);
      return {
        pulseId: pulse.id,
        title: pulse.title,
        closedAt: pulse.closedAt!,
        agreeShare: shown ? Math.round((10_000 * shares.reduce((sum, share) => sum + share, 0)) / shares.length) / 10_000 : null,
        responseRate: shown && pulse.invitedOrganisation > 0 ? Math.round((10_000 * organisation.respondents) / pulse.invitedOrganisation) / 10_000 : null,
      };
    });
}

/**
 * GET /api/pulses/{id}/results → { pulse, threshold, answersShown, groups, trend }. Leaders and Admins
 * see the organisation and every team; anyone else the organisation only, once the pulse is closed.
 * Suppressed figures are null (domain/pulse/anonymity.ts).
 */
export const pulsesResultsGet = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const { tenantId } = caller;
  const authorised = await authoriseCaller(services, caller);
  const leads = authorised.isLeader || authorised.isAdmin;
  const pulse = await services.pulses.getPulse(tenantId, id.value);
  if (!pulse) return problems.notFound();
  const closed = pulse.status === 'closed';
  if (!leads && !closed) return problem(403, 'results_after_close', 'Results are shown once the pulse closes', { detail: 'Come back after it closes.' });
  const summary = closed ? await closedSummary(services, pulse) : undefined;
  const tallies = summary?.tallies ?? (await liveTallies(services, pulse));
  const [teams, all] = await Promise.all([services.directory.listTeams(tenantId), services.pulses.listTrend(tenantId, TREND_PULSES)]);
  const body: PulseResults = {
    pulse: toPulse(pulse),
    threshold: pulse.threshold,
    answersShown: closed,
    groups: resultGroups({
      threshold: pulse.threshold,
      statementIds: pulse.statements.map((statement) => statement.id),
      tallies,
      invited: pulse.invited,
      teamNames: new Map(teams.map((team) => [team.id, team.name])),
      organisationName: 'Whole organisation',
      answersShown: closed,
      organisationOnly: !leads,
      comments: summary?.comments ?? [],
    }),
    trend: trendOf(all),
  };
  return json(200, body);
});

/** GET /api/me/pulses → pulses open to me (and whether I answered) and the latest closed ones. */
export const mePulsesList = authenticatedHandler(async ({ caller, services }) => {
  const { tenantId, userId } = caller;
  const [pulses, person] = await Promise.all([services.pulses.listPulses(tenantId), services.directory.getPerson(tenantId, userId)]);
  const now = services.now();
  const open = pulses.filter((pulse) => isAcceptingAnswers(pulse, now) && isInAudience(pulse, person?.teamId));
  const body: MyPulses = {
    pulses: await Promise.all(
      open.map(async (pulse) => {
        const secret = await secretOf(services, pulse);
        const answered = secret ? await services.pulses.hasMarker(tenantId, markerIdFor(secret, tenantId, pulse.id, userId)) : false;
        return { ...toPulse(pulse), answered };
      }),
    ),
    closed: pulses.filter((pulse) => pulse.status === 'closed').slice(0, 10).map(toPulse),
  };
  return json(200, body);
});

/** GET /api/pulses (Leader/Admin) → every pulse, newest first, and the tenant's current threshold. */
export const pulsesList = authenticatedHandler(async ({ caller, services }) => {
  await requireLeader(services, caller);
  const [pulses, threshold] = await Promise.all([services.pulses.listPulses(caller.tenantId), thresholdOf(services, caller.tenantId)]);
  const body: PulseList = { pulses: pulses.map(toPulse), threshold };
  return json(200, body);
});
