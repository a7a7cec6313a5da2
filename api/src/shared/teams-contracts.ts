/**
 * Teams, team line of sight, leader re-mapping and alignment insights: request/response schemas.
 * Re-exported from contracts.ts. This file imports nothing at run time from contracts.ts on
 * purpose: contracts.ts re-exports this one, and an ESM import cycle would see its schemas
 * uninitialised. The few shared shapes (ids, text) come from text-schemas.ts, which imports only zod.
 */
import { z } from 'zod';
import { opaqueId, text } from './text-schemas.js';
import { says, saying } from './validation-text.js';

export const TEAM_LIMITS = {
  teamName: 80,
  /** Strategies one team can be mapped to. */
  strategiesPerTeam: 50,
  /**
   * Tasks per bulk re-map call. Each task and its audit entry are two operations of one Cosmos
   * transactional batch, whose hard limit is 100 operations.
   */
  remapTasks: 50,
  /** Items listed per insights list of the organisation or one person (totals are always exact). */
  insightItems: 50,
  /** Items listed per list of each team in an Admin's organisation-wide view, which names every team; totals stay exact. */
  teamInsightItems: 5,
  /** Tasks per list of the channel tab's first answer (issue 13); the rest are paged from GET /api/teams/{id}/tasks. */
  channelTasks: 10,
  howItServes: 300,
} as const;

const id = opaqueId();

/** Teams ids look like "19:abc…@thread.tacv2" (channel) or a GUID / "19:…@thread.skype" (team). */
export const teamsThreadIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9:@._-]+$/, says('notAMicrosoftTeamsId'));

export const channelLinkSchema = z.object({ teamsTeamId: teamsThreadIdSchema, channelId: teamsThreadIdSchema });
export type ChannelLink = z.infer<typeof channelLinkSchema>;

// ---------------------------------------------------------------- teams

/** Where a person's team membership came from: set by hand, a linked group's members, or a team linked by its channel tab. */
export const membershipSourceSchema = z.enum(['manual', 'group', 'channel']);
export type MembershipSourceName = z.infer<typeof membershipSourceSchema>;

/** `via` 'channel': linked by installing the channel tab in the team; otherwise chosen by a person (absent: at sign-up). */
export const linkedGroupSchema = z.object({ displayName: z.string(), isTeam: z.boolean(), via: z.enum(['leader', 'channel']).optional() });

/** An Entra object id (a group's, or a team in Teams, which has its group's id). */
export const groupIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, says('notAMicrosoft365GroupId'));

/** PUT /api/teams/{id}/group (If-Match) — link the team to a Microsoft 365 group or a team in Teams. */
export const linkGroupSchema = z.strictObject({ groupId: groupIdSchema });

/** GET /api/teams/{id}/members — Leader of the team / Admin: who is in it and why. */
export const teamMembersSchema = z.object({
  teamId: z.string(),
  members: z.array(z.object({ id: z.string(), displayName: z.string(), source: membershipSourceSchema, accountEnabled: z.boolean() })),
});
export type TeamMembers = z.infer<typeof teamMembersSchema>;

export const teamSchema = z.object({
  id,
  name: z.string(),
  etag: z.string(),
  /** Strategies the team serves (mapped by a leader). */
  strategyIds: z.array(id),
  memberCount: z.number().int(),
  channel: channelLinkSchema.optional(),
  /** The Microsoft 365 group (or team in Teams: same id) the team is linked to; its members sync from it. */
  groupId: z.string().optional(),
  linkedGroup: linkedGroupSchema.optional(),
});
export type Team = z.infer<typeof teamSchema>;

/** GET /api/teams */
export const teamListSchema = z.object({ teams: z.array(teamSchema) });

const teamName = text(TEAM_LIMITS.teamName).min(1, says('giveTheTeamAName'));
const strategyIds = z
  .array(id)
  .max(TEAM_LIMITS.strategiesPerTeam, says('mapAtMostStrategies', { strategiesPerTeam: TEAM_LIMITS.strategiesPerTeam }))
  .refine((ids) => new Set(ids).size === ids.length, says('listEachStrategyOnce'));

/** POST /api/teams */
export const createTeamSchema = z.strictObject({ name: teamName, strategyIds: strategyIds.default([]) });
export type CreateTeamInput = z.input<typeof createTeamSchema>;

/** PATCH /api/teams/{id} (If-Match) */
export const updateTeamSchema = z
  .strictObject({ name: teamName.optional(), strategyIds: strategyIds.optional() })
  .refine((value) => Object.keys(value).length > 0, { error: () => saying('changeAtLeastOneField') });
export type UpdateTeamInput = z.input<typeof updateTeamSchema>;

/** PUT /api/teams/{id}/channel (If-Match) */
export const linkChannelSchema = z.strictObject({ teamsTeamId: teamsThreadIdSchema, channelId: teamsThreadIdSchema });

/** GET /api/channels/{channelId}/team */
export const channelTeamSchema = z.object({ teamId: id });

// ---------------------------------------------------------------- team tasks

/** A task as a leader sees it: with its owner. */
export const teamTaskSchema = z.object({
  id,
  title: z.string(),
  strategyId: id.nullable(),
  howItServes: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  updatedAt: z.string(),
  etag: z.string(),
  /** Brought in from Planner or To Do (absent: typed into Line of Sight). */
  source: z.enum(['planner', 'todo']).optional(),
  completed: z.boolean().optional(),
});
export type TeamTask = z.infer<typeof teamTaskSchema>;

/** GET /api/teams/{id}/tasks */
export const teamTaskListSchema = z.object({ tasks: z.array(teamTaskSchema) });
/** GET /api/teams/{id}/tasks?q=&limit=&cursor= — one page; `nextCursor` null on the last. */
export const teamTaskPageSchema = z.object({ tasks: z.array(teamTaskSchema), nextCursor: z.string().nullable() });
export type TeamTaskPage = z.infer<typeof teamTaskPageSchema>;

/** `?strategyId=` value for the tasks linked to no active strategy (the channel tab's "Not linked" list). */
export const UNLINKED_TASKS = 'unlinked';
/**
 * GET /api/teams/{id}/tasks?strategyId= — one list of the channel tab: the team's tasks serving this
 * active strategy, or `unlinked`. With it the route answers whoever the channel tab shows tasks to.
 */
export const teamTaskStrategyFilterSchema = z
  .union([z.literal(UNLINKED_TASKS), id])
  .describe(
    'One list of the channel tab: an active strategy’s id, or `unlinked` (tasks linked to no active strategy). With it, a member of the team ' +
      'who is not its Leader may call the route too and gets only their own tasks; the team’s Leader and Admins get every member’s. ' +
      'An id that is not an active strategy of the organisation answers 400 (problem+json, path `strategyId`); someone outside the team gets 404.',
  );

const howItServes = text(TEAM_LIMITS.howItServes).min(1, says('sayInOneSentenceHowThis'));

/** PATCH /api/teams/{id}/tasks/{taskId}/link (If-Match) */
export const linkTeamTaskSchema = z.strictObject({ strategyId: id, howItServes });

/** POST /api/teams/{id}/tasks/remap — all or nothing. */
export const remapTeamTasksSchema = z.strictObject({
  tasks: z
    .array(z.strictObject({ id, etag: z.string().min(1).max(200) }))
    .min(1, says('pickAtLeastOneTask'))
    .max(TEAM_LIMITS.remapTasks, says('reMapAtMostTasksAt', { remapTasks: TEAM_LIMITS.remapTasks }))
    .refine((tasks) => new Set(tasks.map((task) => task.id)).size === tasks.length, says('listEachTaskOnce')),
  strategyId: id,
  howItServes,
});
export type RemapTeamTasksInput = z.input<typeof remapTeamTasksSchema>;
export const remapResultSchema = z.object({ tasks: z.array(teamTaskSchema) });

/** The `current` member of the 412 problem a stale bulk re-map answers: nothing was written. */
export const remapStaleSchema = z.object({ staleIds: z.array(z.string()), tasks: z.array(teamTaskSchema) });

// ---------------------------------------------------------------- team line of sight (channel tab)

/**
 * GET /api/teams/{id}/line-of-sight — any employee of the tenant; colleagues' tasks named only for the team's Leader and Admins.
 * Each list carries its first page and its count (issue 13): a team's every task would make one huge answer.
 */
export const teamLineOfSightSchema = z.object({
  team: z.object({ id, name: z.string() }),
  organisation: z.object({ name: z.string(), vision: z.string() }),
  /** Active strategies the team is mapped to or works on, in display order, each with the team's tasks. */
  strategies: z.array(
    z.object({
      id,
      title: z.string(),
      why: z.string(),
      customerImpact: z.string(),
      mapped: z.boolean(),
      /** The team's tasks the viewer may see: all of them for the team's Leader and Admins, else their own. */
      tasks: z.array(teamTaskSchema),
      /** All the tasks of this list the viewer may see; `tasks` holds the first TEAM_LIMITS.channelTasks of them (oldest first). */
      taskCount: z.number().int(),
      /** The cursor of the next page (GET /api/teams/{id}/tasks?strategyId=…&cursor=), null when `tasks` is the whole list. */
      nextCursor: z.string().nullable(),
      /** Teammates' tasks serving it that the viewer may not see: counted, never named. */
      hiddenTasks: z.number().int(),
    }),
  ),
  unlinkedTasks: z.array(teamTaskSchema),
  unlinkedTaskCount: z.number().int(),
  unlinkedNextCursor: z.string().nullable(),
  hiddenUnlinkedTasks: z.number().int(),
});
export type TeamLineOfSight = z.infer<typeof teamLineOfSightSchema>;

// ---------------------------------------------------------------- alignment insights

const unlinkedReason = z.enum(['no_strategy', 'strategy_archived']);
/**
 * A list of people or their tasks: `total` counts everyone; `items` names those the viewer may see
 * (up to a cap); `hidden` counts the rest, which only their team's leaders and Admins see by name.
 */
const listOf = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int(), items: z.array(item), hidden: z.number().int() });
const strategyRef = z.object({ id, title: z.string() });

export const alignmentSchema = z.object({
  taskCount: z.number().int(),
  /** Tasks linked to an active strategy. */
  linkedTaskCount: z.number().int(),
  /** linkedTaskCount / taskCount, 0 when there are no tasks. */
  linkedShare: z.number(),
  /** Each task's owner's team (null: in no team), so a fix-link knows where to lead without every team's detail. */
  unlinkedTasks: listOf(
    z.object({ id, title: z.string(), ownerId: z.string(), ownerName: z.string(), teamId: z.string().nullable(), reason: unlinkedReason, source: z.enum(['planner', 'todo']).optional() }),
  ),
  /** Strategies in scope (org: every active one; team: mapped to it or served by its tasks) that no task in scope serves. */
  strategiesWithoutTasks: z.array(strategyRef),
  /** Strategies in scope that no team is mapped to. */
  strategiesWithoutTeams: z.array(strategyRef),
  peopleWithoutLinkedTask: listOf(z.object({ id: z.string(), displayName: z.string(), teamId: z.string().nullable() })),
  incompleteStrategies: z.array(strategyRef.extend({ missing: z.array(z.enum(['why', 'customerImpact'])) })),
  /** Per strategy in scope: tasks serving it, distinct people owning them, distinct teams (mapped or through their people's tasks). */
  perStrategy: z.array(z.object({ strategyId: id, title: z.string(), people: z.number().int(), teams: z.number().int(), tasks: z.number().int() })),
});
export type Alignment = z.infer<typeof alignmentSchema>;

export const personAlignmentSchema = z.object({
  taskCount: z.number().int(),
  linkedTaskCount: z.number().int(),
  linkedShare: z.number(),
  unlinkedTasks: z.array(z.object({ id, title: z.string(), reason: unlinkedReason })),
  perStrategy: z.array(z.object({ strategyId: id, title: z.string(), tasks: z.number().int() })),
});
export type PersonAlignment = z.infer<typeof personAlignmentSchema>;

export const teamAlignmentSchema = z.object({ teamId: id, teamName: z.string(), alignment: alignmentSchema });

/**
 * GET /api/insights?q=&limit=&cursor= for a Leader (names for the team they lead) or an Admin (every
 * name): the organisation's figures (always every team's people and tasks) and one page of teams
 * in detail, by name, those whose name contains `q` (the shared list query, list-contracts.ts).
 */
export const leaderInsightsSchema = z.object({
  scope: z.literal('organisation'),
  organisation: alignmentSchema,
  /** One page of the teams matching `q`, by name then id. */
  teams: z.array(teamAlignmentSchema),
  /** Teams matching `q` on every page. */
  teamCount: z.number().int(),
  /** The cursor of the next page of teams, or null on the last. */
  nextCursor: z.string().nullable(),
  /** The teams whose tasks and strategies the viewer may change (an Admin every team, a Leader the team they lead): fix-links lead only there. */
  actionableTeamIds: z.array(id),
});
/** GET /api/insights for an Employee: their own figures, and their team's as aggregates (no colleague named). */
export const employeeInsightsSchema = z.object({
  scope: z.literal('me'),
  me: personAlignmentSchema,
  team: teamAlignmentSchema.nullable(),
});
export const insightsSchema = z.discriminatedUnion('scope', [leaderInsightsSchema, employeeInsightsSchema]);
export type Insights = z.infer<typeof insightsSchema>;
