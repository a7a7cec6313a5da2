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

// Default import: on Node 20 the ESM named import of this CommonJS package fails.
const { app } = azureFunctions;

app.http('health-get', { route: 'health', methods: ['GET'], authLevel: 'anonymous', handler: healthGet });
app.http('me-line-of-sight-get', { route: 'me/line-of-sight', methods: ['GET'], authLevel: 'anonymous', handler: meLineOfSightGet });
app.http('me-tasks-list', { route: 'me/tasks', methods: ['GET'], authLevel: 'anonymous', handler: meTasksList });
app.http('me-tasks-create', { route: 'me/tasks', methods: ['POST'], authLevel: 'anonymous', handler: meTasksCreate });
app.http('me-tasks-update', { route: 'me/tasks/{id}', methods: ['PATCH'], authLevel: 'anonymous', handler: meTasksUpdate });
app.http('me-tasks-delete', { route: 'me/tasks/{id}', methods: ['DELETE'], authLevel: 'anonymous', handler: meTasksDelete });
app.http('strategy-map-get', { route: 'strategy-map', methods: ['GET'], authLevel: 'anonymous', handler: strategyMapGet });
