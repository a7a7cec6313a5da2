import { sayVsDo, suggestionsFor } from '../domain/coaching.js';
import { requireAdmin, requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { json } from '../http/respond.js';
import { myCoachingSchema, type MyCoaching, type TeamsComparison } from '../shared/contracts.js';
import { isOpen } from './alignment-round-support.js';
import { latestAnswerOf, loadCoachingData, strategyRefs } from './coaching-support.js';

/**
 * GET /api/coaching/me — a Leader (or Admin) leading a team: the team's figures, their own latest
 * round answer, say vs do, and suggestions. Team-level figures only.
 */
export const coachingMe = authenticatedHandler(async ({ caller, services }) => {
  const authorised = await requireLeader(services, caller);
  const teamId = authorised.person?.teamId ?? null;
  const data = await loadCoachingData(services, caller.tenantId, teamId ? [teamId] : []);
  const latest = await latestAnswerOf(services, data.rounds, caller.userId);
  const now = services.now();
  const said = latest ? strategyRefs(data.strategies, latest.answer.strategyIds) : null;
  const unanswered = data.rounds.find((round) => isOpen(round, now) && round.leaderIds.includes(caller.userId) && !round.answeredLeaderIds.includes(caller.userId));
  const body: MyCoaching = {
    leader: { id: caller.userId, displayName: authorised.person?.displayName ?? caller.displayName ?? 'You' },
    teams: data.teams.map((team) => {
      const gap = said ? sayVsDo(said, team.served) : null;
      const suggestions = suggestionsFor({ ...team, teamId: team.team.id, teamName: team.team.name }, gap, unanswered ? { id: unanswered.id, question: unanswered.question } : null);
      return { ...team, sayVsDo: gap, suggestions };
    }),
    latestAnswer: latest
      ? { roundId: latest.round.id, question: latest.round.question, status: isOpen(latest.round, now) ? 'open' : 'closed', text: latest.answer.text, strategies: said ?? [] }
      : null,
  };
  // Through the contract: the figures carry working fields (task counts per strategy) the view does not promise.
  return json(200, myCoachingSchema.parse(body));
});

/**
 * GET /api/coaching/teams — Admin: every team's figures side by side, with its leaders and their
 * say-vs-do gap. Figures are per team; no individual employee is counted, named or ranked.
 */
export const coachingTeams = authenticatedHandler(async ({ caller, services }) => {
  await requireAdmin(services, caller);
  const data = await loadCoachingData(services, caller.tenantId, 'all');
  const teams: TeamsComparison['teams'] = [];
  for (const team of data.teams) {
    const leaders = data.people.filter((person) => person.teamId === team.team.id && person.roles.includes('Leader'));
    const said = new Map<string, { id: string; title: string }>();
    let anyAnswer = false;
    for (const leader of leaders) {
      const latest = await latestAnswerOf(services, data.rounds, leader.id);
      if (!latest) continue;
      anyAnswer = true;
      for (const strategy of strategyRefs(data.strategies, latest.answer.strategyIds)) said.set(strategy.id, strategy);
    }
    teams.push({
      ...team,
      leaders: leaders.map((leader) => ({ id: leader.id, displayName: leader.displayName })),
      sayVsDoGap: anyAnswer ? sayVsDo([...said.values()], team.served).saidNotServed : null,
    });
  }
  return json(200, { teams });
});
