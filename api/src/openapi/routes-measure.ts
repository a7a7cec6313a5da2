/** Sign-up, alignment rounds, moments, coaching, tasks from Planner and To Do, pulses, surveys. */
import { z } from 'zod';
import * as c from '../shared/contracts.js';
import * as p from '../shared/pulse-contracts.js';
import * as s from '../shared/survey-contracts.js';
import type { RouteDocs } from './route-doc.js';

const EMPLOYEE = 'Any signed-in person of an onboarded tenant';
const LEADER = 'Leader or Admin';
const ADMIN = 'Admin';
const SIGNUP = 'An Admin app role, or a Global or Teams Administrator (wids), of a tenant that may sign up';
const recorded = z.object({ recorded: z.literal(true) });

export const MEASURE_ROUTES: RouteDocs = {
  'signup-get': { summary: 'Where sign-up stands for this tenant, and who may do it', tag: 'Sign-up', access: 'Any signed-in person, onboarded or not', responses: { 200: c.signupStatusSchema } },
  'signup-start': { summary: 'Start (or resume) the sign-up draft', tag: 'Sign-up', access: SIGNUP, responses: { 201: c.signupDraftSchema, 200: c.signupDraftSchema } },
  'signup-update': { summary: 'Change the draft (company, statement, strategies, teams)', tag: 'Sign-up', access: SIGNUP, body: c.updateSignupSchema, ifMatch: 'required', responses: { 200: c.signupDraftSchema } },
  'signup-consent-link': { summary: 'The admin-consent link for this tenant', tag: 'Sign-up', access: SIGNUP, body: c.consentLinkRequestSchema, responses: { 200: c.consentLinkSchema } },
  'signup-consent-check': { summary: 'Check live that admin consent was granted', tag: 'Sign-up', access: SIGNUP, responses: { 200: c.consentCheckSchema } },
  'signup-groups': { summary: 'Microsoft 365 groups and teams to choose from, searchable', tag: 'Sign-up', access: SIGNUP, query: z.object({ search: z.string().optional() }), responses: { 200: c.signupGroupsSchema } },
  'signup-strategies-import': {
    summary: 'Strategies from a JSON or CSV file: a dry run by default',
    tag: 'Sign-up',
    access: SIGNUP,
    query: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
    body: { contentType: 'application/json or text/csv', description: 'A strategy map file' },
    ifMatch: 'optional',
    responses: { 200: c.importResultSchema },
  },
  'signup-finish': { summary: 'Finish: the tenant is onboarded and its first directory sync starts', tag: 'Sign-up', access: SIGNUP, ifMatch: 'required', responses: { 201: c.signupFinishedSchema } },
  'alignment-rounds-list': { summary: 'Alignment rounds', tag: 'Alignment rounds', access: LEADER, responses: { 200: c.roundListSchema } },
  'alignment-rounds-create': { summary: 'Ask leaders "what do you get paid to do?"', tag: 'Alignment rounds', access: LEADER, body: c.createRoundSchema, responses: { 201: c.roundSchema } },
  'alignment-rounds-get': { summary: 'A round', tag: 'Alignment rounds', access: 'An invited leader, or an Admin', responses: { 200: c.roundSchema } },
  'alignment-rounds-close': { summary: 'Close a round early', tag: 'Alignment rounds', access: 'The round’s author, or an Admin', responses: { 200: c.roundSchema } },
  'alignment-rounds-answer-put': { summary: 'My answer to a round, while it is open', tag: 'Alignment rounds', access: 'An invited leader', body: c.roundAnswerSchema, ifMatch: 'optional', responses: { 200: c.myRoundAnswerSchema } },
  'alignment-rounds-answer-get': { summary: 'My answer to a round', tag: 'Alignment rounds', access: 'An invited leader', responses: { 200: c.myRoundAnswerSchema } },
  'alignment-rounds-results': { summary: 'A closed round’s consistency, with the outlier', tag: 'Alignment rounds', access: 'An invited leader, or an Admin, once it is closed', responses: { 200: c.roundResultsSchema } },
  'moments-list': { summary: 'Mission moments, filtered', tag: 'Mission moments', access: EMPLOYEE, query: c.momentFeedQuerySchema, responses: { 200: c.momentFeedSchema } },
  'moments-options': { summary: 'What a moment can name: values, strategies, teams, people', tag: 'Mission moments', access: EMPLOYEE, responses: { 200: c.momentOptionsSchema } },
  'moments-create': { summary: 'Share a mission moment (recognised people are notified)', tag: 'Mission moments', access: EMPLOYEE, body: c.createMomentSchema, responses: { 201: c.momentSchema } },
  'moments-get': { summary: 'A moment', tag: 'Mission moments', access: EMPLOYEE, responses: { 200: c.momentSchema } },
  'moments-delete': { summary: 'Delete my moment', tag: 'Mission moments', access: 'Its author', responses: { 204: null } },
  'moments-hide': { summary: 'Hide a moment (audited)', tag: 'Mission moments', access: LEADER, body: c.hideMomentSchema, responses: { 200: z.object({ id: z.string(), hidden: z.literal(true), reason: z.string() }) } },
  'moments-reaction': { summary: 'Add (PUT) or take back (DELETE) my reaction', tag: 'Mission moments', access: EMPLOYEE, responses: { 200: c.momentSchema } },
  'coaching-me': { summary: 'Coaching for me as a leader: my teams’ figures, say vs do, suggestions', tag: 'Coaching', access: LEADER, responses: { 200: c.myCoachingSchema } },
  'coaching-teams': { summary: 'Teams compared for coaching', tag: 'Coaching', access: ADMIN, responses: { 200: c.teamsComparisonSchema } },
  'me-task-sources-list': { summary: 'My task sources (Planner, To Do) and their state', tag: 'Tasks from Planner and To Do', access: EMPLOYEE, responses: { 200: c.taskSourcesSchema } },
  'me-task-sources-sync': { summary: 'Sync my connected sources now', tag: 'Tasks from Planner and To Do', access: EMPLOYEE, responses: { 200: c.syncOutcomesSchema } },
  'me-task-sources-available': { summary: 'Plans and lists I can import from', tag: 'Tasks from Planner and To Do', access: EMPLOYEE, responses: { 200: c.availableSourceTasksSchema } },
  'me-task-sources-import': {
    summary: 'Import tasks from a source',
    tag: 'Tasks from Planner and To Do',
    access: EMPLOYEE,
    body: c.importSourceTasksSchema,
    responses: { 200: z.object({ imported: z.number().int(), tasks: z.array(c.taskSchema) }) },
  },
  'me-task-sources-settings': { summary: 'Write completions back to the source, or not', tag: 'Tasks from Planner and To Do', access: EMPLOYEE, body: c.taskSourceSettingsSchema, responses: { 200: c.taskSourceStatusSchema } },
  'me-task-sources-disconnect': { summary: 'Disconnect a source, keeping or removing its tasks', tag: 'Tasks from Planner and To Do', access: EMPLOYEE, body: c.disconnectTaskSourceSchema, responses: { 200: c.disconnectOutcomeSchema } },
  'settings-anonymity-get': { summary: 'The smallest group any figure is shown for', tag: 'Mission pulses', access: LEADER, responses: { 200: p.anonymitySettingsSchema } },
  'settings-anonymity-put': { summary: 'Raise (or lower, to the floor) the anonymity threshold', tag: 'Mission pulses', access: ADMIN, body: p.anonymitySettingsSchema, responses: { 200: p.anonymitySettingsSchema } },
  'pulses-list': { summary: 'Mission pulses', tag: 'Mission pulses', access: LEADER, responses: { 200: p.pulseListSchema } },
  'pulses-create': { summary: 'Open a pulse (people are notified)', tag: 'Mission pulses', access: LEADER, body: p.createPulseSchema, responses: { 201: p.pulseSchema } },
  'pulses-close': { summary: 'Close a pulse early', tag: 'Mission pulses', access: LEADER, responses: { 200: p.pulseSchema } },
  'pulses-results-get': { summary: 'A pulse’s results, nothing below the threshold', tag: 'Mission pulses', access: LEADER, responses: { 200: p.pulseResultsSchema } },
  'pulses-responses-create': { summary: 'Answer a pulse, anonymously, once', tag: 'Mission pulses', access: 'A person the pulse asks', body: p.pulseResponseSchema, responses: { 201: recorded } },
  'me-pulses-list': { summary: 'Pulses open to me, and closed ones', tag: 'Mission pulses', access: EMPLOYEE, responses: { 200: p.myPulsesSchema } },
  'settings-benchmark-put': {
    summary: 'Take part in the cross-company benchmark (industry, opt-in)',
    tag: 'Mission pulses',
    access: ADMIN,
    body: p.benchmarkSettingsSchema,
    responses: { 200: z.object({ industry: z.string().nullable(), optIn: z.boolean() }) },
  },
  'teams-compare-get': { summary: 'Teams compared, nothing below the threshold', tag: 'Mission pulses', access: LEADER, responses: { 200: p.teamComparisonSchema } },
  'teams-compare-export': { summary: 'Teams compared, as CSV', tag: 'Mission pulses', access: LEADER, responses: { 200: { contentType: 'text/csv', description: 'One row per team' } } },
  'surveys-list': { summary: 'Customer survey waves', tag: 'Customer survey', access: LEADER, responses: { 200: z.object({ waves: z.array(s.surveyWaveSchema) }) } },
  'surveys-create': { summary: 'Open a wave with a public link', tag: 'Customer survey', access: LEADER, body: s.createSurveySchema, responses: { 201: s.surveyWaveSchema } },
  'surveys-revoke': { summary: 'Revoke a wave’s link', tag: 'Customer survey', access: LEADER, responses: { 200: s.surveyWaveSchema } },
  'surveys-qr': { summary: 'The public link as a QR code', tag: 'Customer survey', access: LEADER, responses: { 200: { contentType: 'image/svg+xml', description: 'An SVG QR code' } } },
  'surveys-results': { summary: 'What customers say, nothing below the threshold', tag: 'Customer survey', access: LEADER, responses: { 200: s.surveyResultsSchema } },
  'public-survey-page': {
    summary: 'The public survey page (no sign-in, no script)',
    tag: 'Customer survey',
    access: 'Anyone with the link',
    signedIn: false,
    query: z.object({ lang: z.enum(s.SURVEY_LANGUAGES).optional() }),
    responses: { 200: { contentType: 'text/html', description: 'The survey form' }, 404: { contentType: 'text/html', description: 'The link is not open (a page saying so)' } },
  },
  'public-survey-answer': {
    summary: 'A customer’s answer, as a form post (answers with a page) or JSON',
    tag: 'Customer survey',
    access: 'Anyone with the link',
    signedIn: false,
    body: s.publicSurveyAnswerSchema,
    // A form post (no script on the page) is answered with a page, a JSON post with JSON.
    responses: {
      201: { contentType: 'application/json or text/html', description: 'Recorded', json: recorded },
      ...Object.fromEntries(
        [400, 404, 409, 413, 429].map((status) => [status, { contentType: 'application/problem+json or text/html', description: 'Refused: problem details, or a page saying why to a form post' }]),
      ),
    },
  },
};
