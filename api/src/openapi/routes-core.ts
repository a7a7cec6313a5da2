/** The home view, tasks, the strategy map, people, teams and insights. */
import { z } from 'zod';
import * as c from '../shared/contracts.js';
import * as lists from '../shared/list-contracts.js';
import type { RouteDocs } from './route-doc.js';

const EMPLOYEE = 'Any signed-in person of an onboarded tenant';
const LEADER = 'Leader or Admin (app role or in-app grant)';
const TEAM_LEADER = 'A leader of this team, or an Admin';
const ADMIN = 'Admin';
/** Searchable lists: ?q=&limit=&cursor= (shared/list-contracts.ts). */
const listQuery = lists.listQuerySchema;
const historyQuery = z.object({ limit: z.string().optional(), cursor: z.string().optional() });
const dryRunQuery = z.object({ dryRun: z.enum(['true', 'false']).optional() });
const strategyMapFile = { contentType: 'application/json or text/csv', description: 'A strategy map file as exported (JSON), or its CSV' } as const;

export const CORE_ROUTES: RouteDocs = {
  'health-get': { summary: 'Liveness: the API answers; touches no storage', tag: 'Operations', access: 'Anyone', signedIn: false, responses: { 200: c.healthSchema } },
  'openapi-get': {
    summary: 'This document (OpenAPI 3.1)',
    tag: 'Operations',
    access: 'Anyone',
    signedIn: false,
    responses: { 200: { contentType: 'application/json', description: 'The OpenAPI document' } },
  },
  'me-line-of-sight-get': { summary: 'The home view in one request: vision, strategies, my tasks, what changed', tag: 'Home view', access: EMPLOYEE, responses: { 200: c.lineOfSightSchema } },
  'me-tasks-list': { summary: 'My tasks', tag: 'Home view', access: EMPLOYEE, responses: { 200: c.taskListSchema } },
  'me-tasks-create': { summary: 'Add a task of mine', tag: 'Home view', access: EMPLOYEE, body: c.createTaskSchema, responses: { 201: c.taskSchema } },
  'me-tasks-update': { summary: 'Change a task of mine', tag: 'Home view', access: EMPLOYEE, body: c.updateTaskSchema, ifMatch: 'required', responses: { 200: c.taskSchema } },
  'me-tasks-delete': { summary: 'Remove a task of mine', tag: 'Home view', access: EMPLOYEE, ifMatch: 'required', responses: { 204: null } },
  'me-tasks-unlink-source': { summary: 'Make an imported task a plain task', tag: 'Tasks from Planner and To Do', access: EMPLOYEE, ifMatch: 'required', responses: { 200: c.taskSchema } },
  'me-visits-create': { summary: 'Dismiss "what changed": everything up to seenUntil is no longer news', tag: 'Home view', access: EMPLOYEE, body: c.recordVisitSchema, responses: { 204: null } },
  'strategy-map-get': { summary: 'The strategy map as leaders edit it', tag: 'Strategy map', access: LEADER, responses: { 200: c.editableStrategyMapSchema } },
  'strategy-map-export': {
    summary: 'Export the strategy map (JSON or CSV)',
    tag: 'Strategy map',
    access: LEADER,
    query: z.object({ format: z.enum(['json', 'csv']).optional() }),
    responses: { 200: { contentType: 'application/json or text/csv', description: 'The strategy map file', json: c.strategyMapFileSchema } },
  },
  'strategy-map-import': {
    summary: 'Import a strategy map file: a dry run by default, applied with dryRun=false; names the owners its changes mention',
    tag: 'Strategy map',
    access: ADMIN,
    query: dryRunQuery,
    body: strategyMapFile,
    ifMatch: 'optional',
    responses: { 200: c.importResultSchema },
  },
  'organisation-update': { summary: 'Change the vision, mission, values and what makes the company different', tag: 'Strategy map', access: LEADER, body: c.updateOrganisationSchema, ifMatch: 'required', responses: { 200: c.editableOrganisationSchema } },
  'organisation-history-get': { summary: 'The organisation statement’s history, newest first, each actor named', tag: 'Strategy map', access: LEADER, query: historyQuery, responses: { 200: c.historySchema } },
  'organisation-history-restore': { summary: 'Put the organisation statement back as it was at a history entry', tag: 'Strategy map', access: LEADER, ifMatch: 'required', responses: { 200: c.editableOrganisationSchema } },
  'strategies-create': { summary: 'Add a strategy', tag: 'Strategy map', access: LEADER, body: c.createStrategySchema, responses: { 201: c.editableStrategySchema } },
  'strategies-reorder': { summary: 'Reorder the strategies', tag: 'Strategy map', access: LEADER, body: c.reorderStrategiesSchema, responses: { 200: z.object({ strategies: z.array(c.editableStrategySchema) }) } },
  'strategies-update': { summary: 'Change a strategy', tag: 'Strategy map', access: LEADER, body: c.updateStrategySchema, ifMatch: 'required', responses: { 200: c.editableStrategySchema } },
  'strategies-archive': { summary: 'Archive a strategy, moving or flagging its tasks', tag: 'Strategy map', access: LEADER, body: c.archiveStrategySchema, ifMatch: 'required', responses: { 200: c.editableStrategySchema } },
  'strategies-restore': { summary: 'Restore an archived strategy', tag: 'Strategy map', access: LEADER, ifMatch: 'required', responses: { 200: c.editableStrategySchema } },
  'strategies-history-get': { summary: 'A strategy’s history, newest first, with the names of the owners it mentions (names) and each actor', tag: 'Strategy map', access: LEADER, query: historyQuery, responses: { 200: c.historySchema } },
  'strategies-history-restore': { summary: 'Put a strategy back as it was at a history entry', tag: 'Strategy map', access: LEADER, ifMatch: 'required', responses: { 200: c.editableStrategySchema } },
  'people-list': {
    summary: 'The people of the tenant, with their roles: searched and paged with q, limit, cursor (the tab only asks for pages); all at once without them, for API clients',
    tag: 'People and teams',
    access: LEADER,
    query: listQuery,
    responses: { 200: z.union([c.peoplePageSchema, c.peopleSchema]) },
  },
  'people-granted-roles-update': { summary: 'Grant or take back in-app roles', tag: 'People and teams', access: ADMIN, body: c.grantedRolesUpdateSchema, ifMatch: 'required', responses: { 200: c.personSchema } },
  'teams-list': { summary: 'The app’s teams', tag: 'People and teams', access: EMPLOYEE, responses: { 200: c.teamListSchema } },
  'teams-create': { summary: 'Add a team', tag: 'People and teams', access: LEADER, body: c.createTeamSchema, responses: { 201: c.teamSchema } },
  'teams-update': { summary: 'Change a team (name, members, leaders, strategies it serves)', tag: 'People and teams', access: TEAM_LEADER, body: c.updateTeamSchema, ifMatch: 'required', responses: { 200: c.teamSchema } },
  'teams-channel-put': { summary: 'Link a team to a Teams channel (the channel tab)', tag: 'People and teams', access: TEAM_LEADER, body: c.linkChannelSchema, ifMatch: 'required', responses: { 200: c.teamSchema } },
  'teams-group-put': { summary: 'Link a team to a Microsoft 365 group or team', tag: 'People and teams', access: TEAM_LEADER, body: c.linkGroupSchema, ifMatch: 'required', responses: { 200: c.teamSchema } },
  'teams-group-delete': { summary: 'Unlink a team from its group', tag: 'People and teams', access: TEAM_LEADER, ifMatch: 'required', responses: { 200: c.teamSchema } },
  'teams-members-get': { summary: 'A team’s members and where each membership comes from', tag: 'People and teams', access: TEAM_LEADER, responses: { 200: c.teamMembersSchema } },
  'teams-line-of-sight-get': { summary: 'A team’s line of sight (the channel tab)', tag: 'People and teams', access: 'A member or leader of the team, or an Admin', responses: { 200: c.teamLineOfSightSchema } },
  'channels-team-get': { summary: 'The team a Teams channel is linked to', tag: 'People and teams', access: EMPLOYEE, responses: { 200: c.channelTeamSchema } },
  'teams-tasks-list': {
    summary: 'The tasks of a team’s members: all, or searched and paged; with strategyId, one list of the channel tab, paged',
    tag: 'People and teams',
    access: `${TEAM_LEADER}; with strategyId also a member of the team (their own tasks only)`,
    query: listQuery.extend({ strategyId: c.teamTaskStrategyFilterSchema.optional() }),
    responses: { 200: z.union([c.teamTaskPageSchema, c.teamTaskListSchema]) },
  },
  'groups-search': { summary: 'Microsoft 365 groups and teams by name, to link a team or fill a cohort', tag: 'People and teams', access: 'Leader or Admin', query: listQuery, responses: { 200: lists.groupSearchSchema } },
  'teams-task-link': { summary: 'Map one team member’s task to a strategy', tag: 'People and teams', access: TEAM_LEADER, body: c.linkTeamTaskSchema, ifMatch: 'required', responses: { 200: c.teamTaskSchema } },
  'teams-tasks-remap': { summary: 'Map many of a team’s tasks to a strategy at once; each owner but the caller gets one Teams notification', tag: 'People and teams', access: TEAM_LEADER, body: c.remapTeamTasksSchema, responses: { 200: c.remapResultSchema } },
  'insights-get': {
    summary: 'Alignment figures: what serves which strategy, what is unaligned; for a Leader or Admin one page of teams, searched with q, limit, cursor',
    tag: 'Insights',
    access: EMPLOYEE,
    query: listQuery,
    responses: { 200: c.insightsSchema },
  },
};
