/**
 * The Functions app: every HTTP route, registered with the v4 programming model. The Azure
 * Functions host loads this file (package.json "main"); the local stack loads the very same one.
 * authLevel is anonymous because authorisation is our own bearer-token validation.
 */
import azureFunctions from '@azure/functions';
import { healthGet } from './functions/health-get.js';
import { meLineOfSightGet } from './functions/me-line-of-sight-get.js';
import { meTasksCreate } from './functions/me-tasks-create.js';
import { meTasksDelete } from './functions/me-tasks-delete.js';
import { meTasksList } from './functions/me-tasks-list.js';
import { meTasksUpdate } from './functions/me-tasks-update.js';
import { strategyMapGet } from './functions/strategy-map-get.js';
import { strategyMapExport } from './functions/strategy-map-export.js';
import { strategyMapImport } from './functions/strategy-map-import.js';
import { meVisitsCreate } from './functions/me-visits-create.js';
import { organisationUpdate } from './functions/organisation-update.js';
import { peopleGrantedRolesUpdate } from './functions/people-granted-roles-update.js';
import { peopleList } from './functions/people-list.js';
import { strategiesCreate } from './functions/strategies-create.js';
import { strategiesReorder } from './functions/strategies-reorder.js';
import { strategiesArchive, strategiesRestore } from './functions/strategies-status.js';
import { strategiesUpdate } from './functions/strategies-update.js';
import { organisationHistoryGet, organisationHistoryRestore, strategyHistoryGet, strategyHistoryRestore } from './functions/strategy-history.js';
import { channelsTeamGet } from './functions/channels-team-get.js';
import { insightsGet } from './functions/insights-get.js';
import { teamsChannelPut } from './functions/teams-channel-put.js';
import { teamsCreate } from './functions/teams-create.js';
import { teamsLineOfSightGet } from './functions/teams-line-of-sight-get.js';
import { teamsList } from './functions/teams-list.js';
import { teamsTaskLink } from './functions/teams-task-link.js';
import { teamsTasksList } from './functions/teams-tasks-list.js';
import { teamsTasksRemap } from './functions/teams-tasks-remap.js';
import { teamsUpdate } from './functions/teams-update.js';

// Default import: on Node 20 the ESM named import of this CommonJS package fails.
const { app } = azureFunctions;

app.http('health-get', { route: 'health', methods: ['GET'], authLevel: 'anonymous', handler: healthGet });
app.http('me-line-of-sight-get', { route: 'me/line-of-sight', methods: ['GET'], authLevel: 'anonymous', handler: meLineOfSightGet });
app.http('me-tasks-list', { route: 'me/tasks', methods: ['GET'], authLevel: 'anonymous', handler: meTasksList });
app.http('me-tasks-create', { route: 'me/tasks', methods: ['POST'], authLevel: 'anonymous', handler: meTasksCreate });
app.http('me-tasks-update', { route: 'me/tasks/{id}', methods: ['PATCH'], authLevel: 'anonymous', handler: meTasksUpdate });
app.http('me-tasks-delete', { route: 'me/tasks/{id}', methods: ['DELETE'], authLevel: 'anonymous', handler: meTasksDelete });
app.http('strategy-map-get', { route: 'strategy-map', methods: ['GET'], authLevel: 'anonymous', handler: strategyMapGet });
app.http('strategy-map-export', { route: 'strategy-map/export', methods: ['GET'], authLevel: 'anonymous', handler: strategyMapExport });
app.http('strategy-map-import', { route: 'strategy-map/import', methods: ['POST'], authLevel: 'anonymous', handler: strategyMapImport });
app.http('organisation-update', { route: 'organisation', methods: ['PUT'], authLevel: 'anonymous', handler: organisationUpdate });
app.http('organisation-history-get', { route: 'organisation/history', methods: ['GET'], authLevel: 'anonymous', handler: organisationHistoryGet });
app.http('organisation-history-restore', { route: 'organisation/history/{entryId}/restore', methods: ['POST'], authLevel: 'anonymous', handler: organisationHistoryRestore });
app.http('strategies-create', { route: 'strategies', methods: ['POST'], authLevel: 'anonymous', handler: strategiesCreate });
app.http('strategies-reorder', { route: 'strategies/order', methods: ['PUT'], authLevel: 'anonymous', handler: strategiesReorder });
app.http('strategies-update', { route: 'strategies/{id}', methods: ['PATCH'], authLevel: 'anonymous', handler: strategiesUpdate });
app.http('strategies-archive', { route: 'strategies/{id}/archive', methods: ['POST'], authLevel: 'anonymous', handler: strategiesArchive });
app.http('strategies-restore', { route: 'strategies/{id}/restore', methods: ['POST'], authLevel: 'anonymous', handler: strategiesRestore });
app.http('strategies-history-get', { route: 'strategies/{id}/history', methods: ['GET'], authLevel: 'anonymous', handler: strategyHistoryGet });
app.http('strategies-history-restore', { route: 'strategies/{id}/history/{entryId}/restore', methods: ['POST'], authLevel: 'anonymous', handler: strategyHistoryRestore });
app.http('people-list', { route: 'people', methods: ['GET'], authLevel: 'anonymous', handler: peopleList });
app.http('people-granted-roles-update', { route: 'people/{userId}/granted-roles', methods: ['PUT'], authLevel: 'anonymous', handler: peopleGrantedRolesUpdate });
app.http('me-visits-create', { route: 'me/visits', methods: ['POST'], authLevel: 'anonymous', handler: meVisitsCreate });
app.http('teams-list', { route: 'teams', methods: ['GET'], authLevel: 'anonymous', handler: teamsList });
app.http('teams-create', { route: 'teams', methods: ['POST'], authLevel: 'anonymous', handler: teamsCreate });
app.http('teams-update', { route: 'teams/{id}', methods: ['PATCH'], authLevel: 'anonymous', handler: teamsUpdate });
app.http('teams-channel-put', { route: 'teams/{id}/channel', methods: ['PUT'], authLevel: 'anonymous', handler: teamsChannelPut });
app.http('teams-line-of-sight-get', { route: 'teams/{id}/line-of-sight', methods: ['GET'], authLevel: 'anonymous', handler: teamsLineOfSightGet });
app.http('channels-team-get', { route: 'channels/{channelId}/team', methods: ['GET'], authLevel: 'anonymous', handler: channelsTeamGet });
app.http('teams-tasks-list', { route: 'teams/{id}/tasks', methods: ['GET'], authLevel: 'anonymous', handler: teamsTasksList });
app.http('teams-task-link', { route: 'teams/{id}/tasks/{taskId}/link', methods: ['PATCH'], authLevel: 'anonymous', handler: teamsTaskLink });
app.http('teams-tasks-remap', { route: 'teams/{id}/tasks/remap', methods: ['POST'], authLevel: 'anonymous', handler: teamsTasksRemap });
app.http('insights-get', { route: 'insights', methods: ['GET'], authLevel: 'anonymous', handler: insightsGet });

