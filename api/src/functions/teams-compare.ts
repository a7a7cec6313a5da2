import type { HttpResponseInit } from '@azure/functions';
import { shownPulseFigures } from '../domain/pulse/latest-pulse-figures.js';
import { benchmarkOf, compareTeams, comparisonRows, type TeamInput } from '../domain/pulse/team-comparison.js';
import { contributionOf } from '../data/pulse-benchmark.js';
import { writeCsv } from '../domain/csv.js';
import { requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { json } from '../http/respond.js';
import { API_SECURITY_HEADERS } from '../http/security-headers.js';
import type { Services } from '../services.js';
import type { TeamComparison } from '../shared/pulse-contracts.js';
import { thresholdOf } from './pulse-support.js';


/** Everything the comparison reads, all in the tenant's partitions (the benchmark in its industry's). */
async function loadComparison(services: Services, tenantId: string): Promise<TeamComparison> {
  const [teams, people, links, settings, latest, assignments, moments] = await Promise.all([
    services.teams.list(tenantId),
    services.teams.listPeople(tenantId),
    services.teamTasks.listLinks(tenantId),
    services.pulses.getSettings(tenantId),
    services.pulses.latestSummarised(tenantId),
    services.onboarding.listAssignmentsDueFrom(tenantId, '0000-01-01'),
    services.missionMoments?.countsByTeam(tenantId) ?? Promise.resolve(null),
  ]);
  const strategies = new Set((await services.strategy.listStrategies(tenantId)).filter((strategy) => strategy.status === 'active').map((strategy) => strategy.id));
  const progress = await services.onboarding.listProgressForAssignments(tenantId, assignments.map((assignment) => assignment.id));
  const done = new Set(progress.filter((entry) => entry.completedAt).map((entry) => `${entry.assignmentId}|${entry.userId}`));
  const teamOf = new Map(people.map((person) => [person.id, person.teamId]));
  // The latest pulse's figures exactly as its results show them: the anonymity rules apply here too.
  const pulseFigures = shownPulseFigures(latest);
  const pulseShare = (id: string) => pulseFigures.get(id)?.agreeShare ?? null;
  const inputs: TeamInput[] = teams.map((team) => {
    const members = people.filter((person) => person.teamId === team.id);
    const tasks = links.filter((link) => teamOf.get(link.ownerId) === team.id);
    const seats = assignments.flatMap((assignment) => assignment.recipientIds.filter((userId) => teamOf.get(userId) === team.id).map((userId) => `${assignment.id}|${userId}`));
    return {
      teamId: team.id,
      name: team.name,
      people: members.length,
      alignment: { tasks: tasks.length, linked: tasks.filter((task) => task.strategyId !== null && strategies.has(task.strategyId)).length },
      pulseAgreeShare: pulseShare(team.id),
      onboarding: { assigned: seats.length, completed: seats.filter((seat) => done.has(seat)).length },
      missionMoments: moments ? (moments.get(team.id) ?? 0) : null,
    };
  });
  const organisationShare = pulseShare('organisation');
  const compared = compareTeams(inputs, organisationShare);
  const optedIn = settings?.benchmarkOptIn === true && settings.industry !== undefined;
  const others = optedIn ? await services.benchmarks.others(settings.industry!, settings.benchmarkContributionId) : [];
  const benchmark = optedIn ? benchmarkOf(others) : null;
  return {
    threshold: await thresholdOf(services, tenantId),
    latestPulse: latest ? { id: latest.id, title: latest.title, closedAt: latest.closedAt! } : null,
    ...compared,
    benchmark: benchmark ? { industry: settings!.industry as TeamComparison['benchmarkSettings']['industry'] & string, ...benchmark, yours: contributionOf(latest) } : null,
    benchmarkSettings: { industry: (settings?.industry as TeamComparison['benchmarkSettings']['industry']) ?? null, optIn: settings?.benchmarkOptIn === true },
  };
}

/** GET /api/teams/compare (Leader/Admin): teams side by side, the teams that live the mission most, the opt-in benchmark. */
export const teamsCompareGet = authenticatedHandler(async ({ caller, services }) => {
  await requireLeader(services, caller);
  return json(200, await loadComparison(services, caller.tenantId));
});

/** GET /api/teams/compare/export (Leader/Admin): the same aggregates as CSV. No row is a person or a response. */
export const teamsCompareExport = authenticatedHandler(async ({ caller, services }): Promise<HttpResponseInit> => {
  await requireLeader(services, caller);
  const comparison = await loadComparison(services, caller.tenantId);
  return {
    status: 200,
    headers: { ...API_SECURITY_HEADERS, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="teams-compared.csv"' },
    body: writeCsv(comparisonRows(comparison)),
  };
});
