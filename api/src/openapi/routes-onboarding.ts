/** Merger onboarding: modules, cohorts, assignments, the new hire's progress, notifications. */
import { z } from 'zod';
import * as c from '../shared/contracts.js';
import type { RouteDocs } from './route-doc.js';

const LEADER = 'Leader or Admin';
const LEARNER = 'The person the module is assigned to';
const pageQuery = z.object({ offset: z.string().optional(), limit: z.string().optional(), search: z.string().optional(), q: z.string().optional(), cursor: z.string().optional() });
const dryRun = z.enum(['true', 'false']).optional();
const csv = (description: string) => ({ contentType: 'text/csv', description });

export const ONBOARDING_ROUTES: RouteDocs = {
  'modules-list': { summary: 'Mission modules', tag: 'Onboarding', access: LEADER, responses: { 200: c.moduleListSchema } },
  'modules-create': { summary: 'Write a module (a draft)', tag: 'Onboarding', access: LEADER, body: c.moduleContentSchema, responses: { 201: c.moduleSchema } },
  'modules-get': { summary: 'A module with its draft', tag: 'Onboarding', access: LEADER, responses: { 200: c.moduleSchema } },
  'modules-update': { summary: 'Change a module’s draft', tag: 'Onboarding', access: LEADER, body: c.moduleContentSchema, ifMatch: 'required', responses: { 200: c.moduleSchema } },
  'modules-publish': { summary: 'Publish the draft as a new version', tag: 'Onboarding', access: LEADER, ifMatch: 'required', responses: { 201: c.publishResultSchema } },
  'module-versions-get': { summary: 'A published version of a module', tag: 'Onboarding', access: LEADER, responses: { 200: c.moduleVersionSchema } },
  'cohorts-list': {
    summary: 'Cohorts of new hires: by offset, or searched and keyset-paged with q, limit, cursor',
    tag: 'Onboarding',
    access: LEADER,
    query: pageQuery,
    responses: { 200: z.union([c.cohortSearchPageSchema, c.cohortListSchema]) },
  },
  'cohorts-create': { summary: 'Start a cohort', tag: 'Onboarding', access: LEADER, body: c.createCohortSchema, responses: { 201: c.cohortSchema } },
  'cohorts-get': { summary: 'A cohort with a page of its people', tag: 'Onboarding', access: LEADER, query: pageQuery, responses: { 200: c.cohortSchema } },
  'cohorts-members-add': { summary: 'Add people to a cohort', tag: 'Onboarding', access: LEADER, body: c.addCohortMembersSchema, responses: { 200: c.cohortSchema } },
  'cohorts-members-import': {
    summary: 'Add people from a CSV of work addresses: a preview by default, applied with dryRun=false',
    tag: 'Onboarding',
    access: LEADER,
    query: z.object({ dryRun }),
    body: csv('One work address (UPN or mail) per row'),
    responses: { 200: z.union([c.memberImportPreviewSchema, c.cohortSchema]) },
  },
  'cohorts-members-from-group': {
    summary: 'Add the members of an Entra ID group: a preview, or applied',
    tag: 'Onboarding',
    access: 'Leader or Admin who belongs to or owns the group',
    body: c.importGroupSchema,
    responses: { 200: z.union([c.memberImportPreviewSchema, c.cohortSchema]) },
  },
  'cohorts-members-remove': { summary: 'Take a person out of a cohort', tag: 'Onboarding', access: LEADER, responses: { 200: c.cohortSchema } },
  'cohorts-assignments-create': {
    summary: 'Assign module versions to a cohort; everyone is notified once',
    tag: 'Onboarding',
    access: LEADER,
    body: c.createAssignmentsSchema,
    responses: { 201: c.assignmentListSchema, 200: c.assignmentListSchema },
  },
  'cohorts-assignments-get': { summary: 'An assignment and how far its notifications are', tag: 'Onboarding', access: LEADER, responses: { 200: c.assignmentProgressSchema } },
  'cohorts-dashboard-get': {
    summary: 'Completion of a module by a cohort (the first page of the people behind, and how many); its named people, or with behind=true the named people behind, searched and paged with q, limit, cursor (the first page without them)',
    tag: 'Onboarding',
    access: LEADER,
    query: z.object({ moduleId: z.string(), q: z.string().optional(), limit: z.string().optional(), cursor: z.string().optional(), behind: c.dashboardBehindSchema }),
    responses: { 200: c.dashboardSchema },
  },
  'cohorts-remind': { summary: 'Remind the people behind on a module (through the outbox, once a person a day)', tag: 'Onboarding', access: LEADER, body: c.remindPeopleBehindSchema, responses: { 200: c.remindPeopleBehindResultSchema } },
  'cohorts-dashboard-export': { summary: 'The dashboard as CSV', tag: 'Onboarding', access: LEADER, query: z.object({ moduleId: z.string() }), responses: { 200: csv('One row per person') } },
  'me-onboarding-list': { summary: 'My mission modules', tag: 'Onboarding', access: 'Any signed-in person', responses: { 200: c.myOnboardingSchema } },
  'me-onboarding-get': { summary: 'One of my modules, ready to read: in the translation that best matches Accept-Language, or the original (see its language)', tag: 'Onboarding', access: LEARNER, responses: { 200: c.myModuleSchema } },
  'me-onboarding-section-put': { summary: 'Mark a section read (or not)', tag: 'Onboarding', access: LEARNER, body: c.sectionProgressSchema, responses: { 200: c.progressSchema } },
  'me-onboarding-answer': { summary: 'Answer a knowledge check', tag: 'Onboarding', access: LEARNER, body: c.submitAnswerSchema, responses: { 200: c.answerResultSchema } },
  'me-onboarding-acknowledge': { summary: 'Acknowledge the module', tag: 'Onboarding', access: LEARNER, body: c.acknowledgeSchema, responses: { 200: c.progressSchema } },
  'me-onboarding-opened': { summary: 'Record that the module was opened (and from where)', tag: 'Onboarding', access: LEARNER, body: c.openedSchema, responses: { 200: c.progressSchema } },
  'notifications-dead-list': { summary: 'Notifications that could not be delivered, with reasons', tag: 'Onboarding', access: LEADER, query: pageQuery, responses: { 200: c.deadNotificationListSchema } },
  'notifications-dead-retry': { summary: 'Try a dead notification again', tag: 'Onboarding', access: LEADER, responses: { 200: z.object({ notification: c.deadNotificationSchema }) } },
};
