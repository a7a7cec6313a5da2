/**
 * The Functions app: every HTTP route, registered with the v4 programming model. The Azure
 * Functions host loads this file (package.json "main"); the local stack loads the very same one.
 * authLevel is anonymous because authorisation is our own bearer-token validation.
 */
// Validation messages in English, before any schema checks a request.
import './shared/validation-english.js';
import azureFunctions, { type HttpFunctionOptions, type TimerFunctionOptions } from '@azure/functions';
import { withHttpTelemetry } from './telemetry/http-telemetry.js';
import { startTelemetry } from './telemetry/setup.js';
import { withTimerTelemetry } from './telemetry/timer-telemetry.js';
import { withIdempotentPost } from './http/idempotency.js';
import { recordRoute } from './http/route-table.js';
import { openApiGet } from './functions/openapi-get.js';
import { healthGet } from './functions/health-get.js';
import { healthReady } from './functions/health-ready.js';
import { clientErrorsCreate } from './functions/client-errors-create.js';
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
import { groupsSearch } from './functions/groups-search.js';
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
import { teamsGroupPut } from './functions/teams-group-put.js';
import { teamsGroupDelete } from './functions/teams-group-delete.js';
import { teamsMembersGet } from './functions/teams-members-get.js';
import { modulesGet, modulesList, moduleVersionsGet } from './functions/modules-list.js';
import { modulesCreate } from './functions/modules-create.js';
import { modulesPublish, modulesUpdate } from './functions/modules-update.js';
import { cohortsCreate, cohortsGet, cohortsList } from './functions/cohorts-list.js';
import { cohortsMembersAdd, cohortsMembersRemove } from './functions/cohorts-members.js';
import { cohortsMembersImport } from './functions/cohorts-members-import.js';
import { cohortsMembersFromGroup } from './functions/cohorts-members-from-group.js';
import { cohortsAssignmentsCreate, cohortsAssignmentsGet } from './functions/cohorts-assignments-create.js';
import { cohortsRemind } from './functions/cohorts-remind.js';
import { cohortsDashboardExport, cohortsDashboardGet } from './functions/cohorts-dashboard.js';
import { meOnboardingGet, meOnboardingList } from './functions/me-onboarding-read.js';
import { meOnboardingAcknowledge, meOnboardingAnswer, meOnboardingOpened, meOnboardingSectionPut } from './functions/me-onboarding-progress.js';
import { notificationsDeadList, notificationsDeadRetry } from './functions/notifications-dead.js';
import { alignmentRoundsClose, alignmentRoundsCreate, alignmentRoundsGet, alignmentRoundsList } from './functions/alignment-rounds.js';
import { alignmentRoundAnswerGet, alignmentRoundAnswerPut, alignmentRoundResults } from './functions/alignment-round-answers.js';
import { momentsCreate, momentsList, momentsOptions } from './functions/moments.js';
import { momentsDelete, momentsGet, momentsHide, momentsReaction } from './functions/moments-moderation.js';
import { coachingMe, coachingTeams } from './functions/coaching.js';
import { NOTIFICATIONS_DRAIN_SCHEDULE, notificationsDrainTimer } from './functions/notifications-drain-timer.js';
import { DIRECTORY_SYNC_SCHEDULE, directorySyncTimer } from './functions/directory-sync-timer.js';
import { ALIGNMENT_FIGURES_SCHEDULE, alignmentFiguresTimer } from './functions/alignment-figures-timer.js';
import { signupGet, signupStart, signupUpdate } from './functions/signup-draft.js';
import { signupConsentCheck, signupConsentLink } from './functions/signup-consent.js';
import { signupGroups } from './functions/signup-groups.js';
import { signupStrategiesImport } from './functions/signup-import.js';
import { signupFinish } from './functions/signup-finish.js';
import { meTaskSourcesAvailable, meTaskSourcesDisconnect, meTaskSourcesImport, meTaskSourcesList, meTaskSourcesSettings, meTaskSourcesSync } from './functions/me-task-sources.js';
import { meTasksUnlinkSource } from './functions/me-tasks-source.js';
import { TASK_SOURCES_SYNC_SCHEDULE, taskSourcesSyncTimer } from './functions/task-sources-sync-timer.js';
import { settingsAnonymityGet, settingsAnonymityPut } from './functions/settings-anonymity.js';
import { pulsesCreate } from './functions/pulses-create.js';
import { pulsesClose } from './functions/pulses-close.js';
import { pulsesResponsesCreate } from './functions/pulses-responses-create.js';
import { mePulsesList, pulsesList, pulsesResultsGet } from './functions/pulses-read.js';
import { ROUTES_WITHOUT_IDEMPOTENCY } from './http/idempotency.js';
import { settingsBenchmarkPut } from './functions/settings-benchmark.js';
import { teamsCompareExport, teamsCompareGet } from './functions/teams-compare.js';
import { publicSurveyAnswer, publicSurveyPage } from './functions/public-survey.js';
import { meDataExport } from './functions/me-data-export.js';
import { tenantExport } from './functions/tenant-export.js';
import { peopleErase } from './functions/people-erase.js';
import { tenantDeletionCancel, tenantDeletionGet, tenantDeletionSchedule } from './functions/tenant-deletion.js';
import { TENANT_DELETION_SCHEDULE, tenantDeletionTimer } from './functions/tenant-deletion-timer.js';
import { surveysCreate, surveysList, surveysQr, surveysResults, surveysRevoke } from './functions/surveys.js';

// Default import: on Node 20 the ESM named import of this CommonJS package fails.
const { app: functionsApp } = azureFunctions;
// Response bodies that are streams (the tenant export) go out as they are produced, not buffered.
functionsApp.setup({ enableHttpStream: true });

/**
 * Every route below is registered through here: each POST (a create, or an action a retry must not
 * repeat) honours Idempotency-Key (http/idempotency.ts), so a new route cannot forget it.
 */
const app = {
  http: (name: string, options: HttpFunctionOptions) => {
    recordRoute(name, options.route, options.methods);
    functionsApp.http(name, withHttpTelemetry(ROUTES_WITHOUT_IDEMPOTENCY.has(name) ? options : withIdempotentPost(options)));
  },
  timer: (name: string, options: TimerFunctionOptions) => functionsApp.timer(name, withTimerTelemetry(name, options)),
};

// Tracing and metrics before the first request (telemetry/setup.ts): Azure Monitor in Azure, opt-in exporters locally.
await startTelemetry();

app.http('health-get', { route: 'health', methods: ['GET'], authLevel: 'anonymous', handler: healthGet });
app.http('openapi-get', { route: 'openapi.json', methods: ['GET'], authLevel: 'anonymous', handler: openApiGet });
app.http('client-errors-create', { route: 'client-errors', methods: ['POST'], authLevel: 'anonymous', handler: clientErrorsCreate });
app.http('health-ready', { route: 'health/ready', methods: ['GET'], authLevel: 'anonymous', handler: healthReady });
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
app.http('groups-search', { route: 'groups', methods: ['GET'], authLevel: 'anonymous', handler: groupsSearch });
app.http('people-list', { route: 'people', methods: ['GET'], authLevel: 'anonymous', handler: peopleList });
app.http('people-granted-roles-update', { route: 'people/{userId}/granted-roles', methods: ['PUT'], authLevel: 'anonymous', handler: peopleGrantedRolesUpdate });
app.http('me-visits-create', { route: 'me/visits', methods: ['POST'], authLevel: 'anonymous', handler: meVisitsCreate });
app.http('teams-list', { route: 'teams', methods: ['GET'], authLevel: 'anonymous', handler: teamsList });
app.http('teams-create', { route: 'teams', methods: ['POST'], authLevel: 'anonymous', handler: teamsCreate });
app.http('teams-update', { route: 'teams/{id}', methods: ['PATCH'], authLevel: 'anonymous', handler: teamsUpdate });
app.http('teams-channel-put', { route: 'teams/{id}/channel', methods: ['PUT'], authLevel: 'anonymous', handler: teamsChannelPut });
app.http('teams-group-put', { route: 'teams/{id}/group', methods: ['PUT'], authLevel: 'anonymous', handler: teamsGroupPut });
app.http('teams-group-delete', { route: 'teams/{id}/group', methods: ['DELETE'], authLevel: 'anonymous', handler: teamsGroupDelete });
app.http('teams-members-get', { route: 'teams/{id}/members', methods: ['GET'], authLevel: 'anonymous', handler: teamsMembersGet });
app.http('teams-line-of-sight-get', { route: 'teams/{id}/line-of-sight', methods: ['GET'], authLevel: 'anonymous', handler: teamsLineOfSightGet });
app.http('channels-team-get', { route: 'channels/{channelId}/team', methods: ['GET'], authLevel: 'anonymous', handler: channelsTeamGet });
app.http('teams-tasks-list', { route: 'teams/{id}/tasks', methods: ['GET'], authLevel: 'anonymous', handler: teamsTasksList });
app.http('teams-task-link', { route: 'teams/{id}/tasks/{taskId}/link', methods: ['PATCH'], authLevel: 'anonymous', handler: teamsTaskLink });
app.http('teams-tasks-remap', { route: 'teams/{id}/tasks/remap', methods: ['POST'], authLevel: 'anonymous', handler: teamsTasksRemap });
app.http('insights-get', { route: 'insights', methods: ['GET'], authLevel: 'anonymous', handler: insightsGet });

// Merger onboarding (issue 5): authoring, cohorts, assignments, the new hire's progress, dashboards.
app.http('modules-list', { route: 'modules', methods: ['GET'], authLevel: 'anonymous', handler: modulesList });
app.http('modules-create', { route: 'modules', methods: ['POST'], authLevel: 'anonymous', handler: modulesCreate });
app.http('modules-get', { route: 'modules/{id}', methods: ['GET'], authLevel: 'anonymous', handler: modulesGet });
app.http('modules-update', { route: 'modules/{id}', methods: ['PUT'], authLevel: 'anonymous', handler: modulesUpdate });
app.http('modules-publish', { route: 'modules/{id}/publish', methods: ['POST'], authLevel: 'anonymous', handler: modulesPublish });
app.http('module-versions-get', { route: 'module-versions/{id}', methods: ['GET'], authLevel: 'anonymous', handler: moduleVersionsGet });
app.http('cohorts-list', { route: 'cohorts', methods: ['GET'], authLevel: 'anonymous', handler: cohortsList });
app.http('cohorts-create', { route: 'cohorts', methods: ['POST'], authLevel: 'anonymous', handler: cohortsCreate });
app.http('cohorts-get', { route: 'cohorts/{id}', methods: ['GET'], authLevel: 'anonymous', handler: cohortsGet });
app.http('cohorts-members-add', { route: 'cohorts/{id}/members', methods: ['POST'], authLevel: 'anonymous', handler: cohortsMembersAdd });
app.http('cohorts-members-import', { route: 'cohorts/{id}/members/import', methods: ['POST'], authLevel: 'anonymous', handler: cohortsMembersImport });
app.http('cohorts-members-from-group', { route: 'cohorts/{id}/members/from-group', methods: ['POST'], authLevel: 'anonymous', handler: cohortsMembersFromGroup });
app.http('cohorts-members-remove', { route: 'cohorts/{id}/members/{userId}', methods: ['DELETE'], authLevel: 'anonymous', handler: cohortsMembersRemove });
app.http('cohorts-assignments-create', { route: 'cohorts/{id}/assignments', methods: ['POST'], authLevel: 'anonymous', handler: cohortsAssignmentsCreate });
app.http('cohorts-assignments-get', { route: 'cohorts/{id}/assignments/{assignmentId}', methods: ['GET'], authLevel: 'anonymous', handler: cohortsAssignmentsGet });
app.http('cohorts-remind', { route: 'cohorts/{id}/remind', methods: ['POST'], authLevel: 'anonymous', handler: cohortsRemind });
app.http('cohorts-dashboard-get', { route: 'cohorts/{id}/dashboard', methods: ['GET'], authLevel: 'anonymous', handler: cohortsDashboardGet });
app.http('cohorts-dashboard-export', { route: 'cohorts/{id}/dashboard/export', methods: ['GET'], authLevel: 'anonymous', handler: cohortsDashboardExport });
app.http('me-onboarding-list', { route: 'me/onboarding', methods: ['GET'], authLevel: 'anonymous', handler: meOnboardingList });
app.http('me-onboarding-get', { route: 'me/onboarding/{assignmentId}', methods: ['GET'], authLevel: 'anonymous', handler: meOnboardingGet });
app.http('me-onboarding-section-put', { route: 'me/onboarding/{assignmentId}/sections/{sectionId}', methods: ['PUT'], authLevel: 'anonymous', handler: meOnboardingSectionPut });
app.http('me-onboarding-answer', { route: 'me/onboarding/{assignmentId}/answers', methods: ['POST'], authLevel: 'anonymous', handler: meOnboardingAnswer });
app.http('me-onboarding-acknowledge', { route: 'me/onboarding/{assignmentId}/acknowledge', methods: ['POST'], authLevel: 'anonymous', handler: meOnboardingAcknowledge });
app.http('me-onboarding-opened', { route: 'me/onboarding/{assignmentId}/opened', methods: ['POST'], authLevel: 'anonymous', handler: meOnboardingOpened });
app.http('notifications-dead-list', { route: 'notifications/dead', methods: ['GET'], authLevel: 'anonymous', handler: notificationsDeadList });
app.http('notifications-dead-retry', { route: 'notifications/dead/{id}/retry', methods: ['POST'], authLevel: 'anonymous', handler: notificationsDeadRetry });

// Sign-up (issue 9): the only routes a tenant that has not onboarded reaches (their handlers opt in).
app.http('signup-get', { route: 'signup', methods: ['GET'], authLevel: 'anonymous', handler: signupGet });
app.http('signup-start', { route: 'signup', methods: ['POST'], authLevel: 'anonymous', handler: signupStart });
app.http('signup-update', { route: 'signup', methods: ['PUT'], authLevel: 'anonymous', handler: signupUpdate });
app.http('signup-consent-link', { route: 'signup/consent-link', methods: ['POST'], authLevel: 'anonymous', handler: signupConsentLink });
app.http('signup-consent-check', { route: 'signup/consent-check', methods: ['POST'], authLevel: 'anonymous', handler: signupConsentCheck });
app.http('signup-groups', { route: 'signup/groups', methods: ['GET'], authLevel: 'anonymous', handler: signupGroups });
app.http('signup-strategies-import', { route: 'signup/strategies/import', methods: ['POST'], authLevel: 'anonymous', handler: signupStrategiesImport });
app.http('signup-finish', { route: 'signup/finish', methods: ['POST'], authLevel: 'anonymous', handler: signupFinish });
// Leaders' alignment rounds (issue 12): no answer is readable before the round closes.
app.http('alignment-rounds-list', { route: 'alignment-rounds', methods: ['GET'], authLevel: 'anonymous', handler: alignmentRoundsList });
app.http('alignment-rounds-create', { route: 'alignment-rounds', methods: ['POST'], authLevel: 'anonymous', handler: alignmentRoundsCreate });
app.http('alignment-rounds-get', { route: 'alignment-rounds/{id}', methods: ['GET'], authLevel: 'anonymous', handler: alignmentRoundsGet });
app.http('alignment-rounds-close', { route: 'alignment-rounds/{id}/close', methods: ['POST'], authLevel: 'anonymous', handler: alignmentRoundsClose });
app.http('alignment-rounds-answer-put', { route: 'alignment-rounds/{id}/answers/me', methods: ['PUT'], authLevel: 'anonymous', handler: alignmentRoundAnswerPut });
app.http('alignment-rounds-answer-get', { route: 'alignment-rounds/{id}/answers/me', methods: ['GET'], authLevel: 'anonymous', handler: alignmentRoundAnswerGet });
app.http('alignment-rounds-results', { route: 'alignment-rounds/{id}/results', methods: ['GET'], authLevel: 'anonymous', handler: alignmentRoundResults });

// Mission moments (issue 12): recognition, at most MOMENT_LIMITS.perDay per person per day.
app.http('moments-list', { route: 'moments', methods: ['GET'], authLevel: 'anonymous', handler: momentsList });
app.http('moments-options', { route: 'moments/options', methods: ['GET'], authLevel: 'anonymous', handler: momentsOptions });
app.http('moments-create', { route: 'moments', methods: ['POST'], authLevel: 'anonymous', handler: momentsCreate });
app.http('moments-get', { route: 'moments/{id}', methods: ['GET'], authLevel: 'anonymous', handler: momentsGet });
app.http('moments-delete', { route: 'moments/{id}', methods: ['DELETE'], authLevel: 'anonymous', handler: momentsDelete });
app.http('moments-hide', { route: 'moments/{id}/hide', methods: ['POST'], authLevel: 'anonymous', handler: momentsHide });
app.http('moments-reaction', { route: 'moments/{id}/reactions/me', methods: ['PUT', 'DELETE'], authLevel: 'anonymous', handler: momentsReaction });

// Coaching leaders (issue 12): team-level figures, say vs do, suggestions; Admins compare teams.
app.http('coaching-me', { route: 'coaching/me', methods: ['GET'], authLevel: 'anonymous', handler: coachingMe });
app.http('coaching-teams', { route: 'coaching/teams', methods: ['GET'], authLevel: 'anonymous', handler: coachingTeams });

// Tasks from where work lives (issue 10): Planner and To Do on the person's behalf.
app.http('me-task-sources-list', { route: 'me/task-sources', methods: ['GET'], authLevel: 'anonymous', handler: meTaskSourcesList });
app.http('me-task-sources-sync', { route: 'me/task-sources/sync', methods: ['POST'], authLevel: 'anonymous', handler: meTaskSourcesSync });
app.http('me-task-sources-available', { route: 'me/task-sources/{kind}/available', methods: ['GET'], authLevel: 'anonymous', handler: meTaskSourcesAvailable });
app.http('me-task-sources-import', { route: 'me/task-sources/{kind}/import', methods: ['POST'], authLevel: 'anonymous', handler: meTaskSourcesImport });
app.http('me-task-sources-settings', { route: 'me/task-sources/{kind}/settings', methods: ['PUT'], authLevel: 'anonymous', handler: meTaskSourcesSettings });
app.http('me-task-sources-disconnect', { route: 'me/task-sources/{kind}/disconnect', methods: ['POST'], authLevel: 'anonymous', handler: meTaskSourcesDisconnect });
app.http('me-tasks-unlink-source', { route: 'me/tasks/{id}/unlink-source', methods: ['POST'], authLevel: 'anonymous', handler: meTasksUnlinkSource });

app.timer('task-sources-sync-timer', { schedule: TASK_SOURCES_SYNC_SCHEDULE, handler: taskSourcesSyncTimer });
// Mission pulses (issue 11): anonymous pulses, their results with the anonymity threshold.
app.http('settings-anonymity-get', { route: 'settings/anonymity', methods: ['GET'], authLevel: 'anonymous', handler: settingsAnonymityGet });
app.http('settings-anonymity-put', { route: 'settings/anonymity', methods: ['PUT'], authLevel: 'anonymous', handler: settingsAnonymityPut });
app.http('pulses-list', { route: 'pulses', methods: ['GET'], authLevel: 'anonymous', handler: pulsesList });
app.http('pulses-create', { route: 'pulses', methods: ['POST'], authLevel: 'anonymous', handler: pulsesCreate });
app.http('pulses-close', { route: 'pulses/{id}/close', methods: ['POST'], authLevel: 'anonymous', handler: pulsesClose });
app.http('pulses-results-get', { route: 'pulses/{id}/results', methods: ['GET'], authLevel: 'anonymous', handler: pulsesResultsGet });
app.http('pulses-responses-create', { route: 'pulses/{id}/responses', methods: ['POST'], authLevel: 'anonymous', handler: pulsesResponsesCreate });
app.http('settings-benchmark-put', { route: 'settings/benchmark', methods: ['PUT'], authLevel: 'anonymous', handler: settingsBenchmarkPut });
app.http('teams-compare-get', { route: 'teams/compare', methods: ['GET'], authLevel: 'anonymous', handler: teamsCompareGet });
app.http('teams-compare-export', { route: 'teams/compare/export', methods: ['GET'], authLevel: 'anonymous', handler: teamsCompareExport });
// Customers' awareness: survey waves (leaders) and the public survey (no sign-in).
app.http('surveys-list', { route: 'surveys', methods: ['GET'], authLevel: 'anonymous', handler: surveysList });
app.http('surveys-create', { route: 'surveys', methods: ['POST'], authLevel: 'anonymous', handler: surveysCreate });
app.http('surveys-revoke', { route: 'surveys/{id}/revoke', methods: ['POST'], authLevel: 'anonymous', handler: surveysRevoke });
app.http('surveys-qr', { route: 'surveys/{id}/qr', methods: ['GET'], authLevel: 'anonymous', handler: surveysQr });
app.http('surveys-results', { route: 'surveys/{id}/results', methods: ['GET'], authLevel: 'anonymous', handler: surveysResults });
app.http('public-survey-page', { route: 'public/surveys/{token}', methods: ['GET'], authLevel: 'anonymous', handler: publicSurveyPage });
app.http('public-survey-answer', { route: 'public/surveys/{token}/answers', methods: ['POST'], authLevel: 'anonymous', handler: publicSurveyAnswer });
app.http('me-pulses-list', { route: 'me/pulses', methods: ['GET'], authLevel: 'anonymous', handler: mePulsesList });

// Timer: the notification outbox drain (see api/src/notifications).
app.timer('notifications-drain-timer', { schedule: NOTIFICATIONS_DRAIN_SCHEDULE, handler: notificationsDrainTimer });
// Timer: the nightly recount of the alignment figures insights read (see data/alignment-figures-repository.ts).
app.timer('alignment-figures-timer', { schedule: ALIGNMENT_FIGURES_SCHEDULE, handler: alignmentFiguresTimer });
// Timer: people and linked teams from Microsoft Graph (see api/src/directory).
app.timer('directory-sync-timer', { schedule: DIRECTORY_SYNC_SCHEDULE, handler: directorySyncTimer });

// People's data rights (issue 14): own download, tenant export, erasing a person, deleting the tenant.
app.http('me-data-export', { route: 'me/data-export', methods: ['GET'], authLevel: 'anonymous', handler: meDataExport });
app.http('tenant-export', { route: 'tenant/export', methods: ['GET'], authLevel: 'anonymous', handler: tenantExport });
app.http('people-erase', { route: 'people/{userId}/erase', methods: ['POST'], authLevel: 'anonymous', handler: peopleErase });
app.http('tenant-deletion-get', { route: 'tenant/deletion', methods: ['GET'], authLevel: 'anonymous', handler: tenantDeletionGet });
app.http('tenant-deletion-schedule', { route: 'tenant/deletion', methods: ['POST'], authLevel: 'anonymous', handler: tenantDeletionSchedule });
app.http('tenant-deletion-cancel', { route: 'tenant/deletion/cancel', methods: ['POST'], authLevel: 'anonymous', handler: tenantDeletionCancel });
// Timer: tenant deletions whose grace period has passed.
app.timer('tenant-deletion-timer', { schedule: TENANT_DELETION_SCHEDULE, handler: tenantDeletionTimer });
