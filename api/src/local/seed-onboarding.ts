/**
 * Demo onboarding data for Contoso: three published modules, the "Joined from Fabrikam" cohort of
 * Contoso people who came from Fabrikam, and the modules assigned to it (due two weeks after the
 * stack starts), with their "assigned" notifications already sent and one person part-way through.
 */
import type { AssignmentDocument, CohortDocument, ModuleDocument, ModuleVersionDocument, OnboardingDocument, ProgressDocument } from '../data/onboarding-documents.js';
import { moduleVersionIdFor, progressIdFor } from '../data/onboarding-documents.js';
import { assignedNotifications } from '../domain/onboarding/assignment-plan.js';
import { outboxDocumentFor, type OutboxDocument } from '../notifications/outbox.js';
import type { ModuleContent } from '../shared/contracts.js';
import { CONTOSO_IDS, CONTOSO_TENANT_ID } from './seed-contoso.js';
import { FIRST_WEEK_MODULE, MISSION_MODULE, STRATEGIES_MODULE } from './seed-onboarding-modules.js';
import type { SeedTenant } from './seed-types.js';

export const ONBOARDING_IDS = {
  modules: { mission: 'module-mission', strategies: 'module-strategies', firstWeek: 'module-first-week' },
  cohorts: { joinedFromFabrikam: 'cohort-joined-from-fabrikam' },
  assignments: { mission: 'assignment-fabrikam-mission', strategies: 'assignment-fabrikam-strategies', firstWeek: 'assignment-fabrikam-first-week' },
} as const;

const SEED_AT = '2026-01-05T09:00:00.000Z';
const DEMO_TEAMS_APP_ID = '00000000-0000-4000-8000-00000000a11d';

export function seedOnboardingDocuments(tenant: SeedTenant, now: Date): (OnboardingDocument | OutboxDocument)[] {
  if (tenant.id !== CONTOSO_TENANT_ID) return [];
  const tenantId = tenant.id;
  const { people: p } = CONTOSO_IDS;
  const members = [p.jonas, p.lucia, p.marco, p.nadia];
  const due = new Date(now.getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
  const documents: (OnboardingDocument | OutboxDocument)[] = [];

  const cohort: CohortDocument = {
    id: ONBOARDING_IDS.cohorts.joinedFromFabrikam, tenantId, type: 'cohort', name: 'Joined from Fabrikam',
    description: 'Everyone who joined Contoso from Fabrikam Freight in the merger.', memberIds: members,
    createdAt: SEED_AT, updatedAt: SEED_AT, createdBy: p.grace,
  };
  documents.push(cohort);

  const modules: [string, string, ModuleContent][] = [
    [ONBOARDING_IDS.modules.mission, ONBOARDING_IDS.assignments.mission, MISSION_MODULE],
    [ONBOARDING_IDS.modules.strategies, ONBOARDING_IDS.assignments.strategies, STRATEGIES_MODULE],
    [ONBOARDING_IDS.modules.firstWeek, ONBOARDING_IDS.assignments.firstWeek, FIRST_WEEK_MODULE],
  ];
  for (const [moduleId, assignmentId, content] of modules) {
    const versionId = moduleVersionIdFor(moduleId, 1);
    const module: ModuleDocument = {
      id: moduleId, tenantId, type: 'module', content, draftChanged: false,
      versions: [{ id: versionId, version: 1, publishedAt: SEED_AT, title: content.title }],
      createdAt: SEED_AT, updatedAt: SEED_AT, createdBy: p.grace, updatedBy: p.grace,
    };
    const version: ModuleVersionDocument = { id: versionId, tenantId, type: 'moduleVersion', moduleId, version: 1, content, publishedAt: SEED_AT, publishedBy: p.grace };
    const assignment: AssignmentDocument = {
      id: assignmentId, tenantId, type: 'assignment', cohortId: cohort.id, moduleId, moduleVersionId: versionId, version: 1,
      moduleTitle: content.title, dueDate: due, startAt: null, audience: 'everyone', recipientIds: members, createdAt: SEED_AT, createdBy: p.grace,
    };
    const sent = assignedNotifications(assignment, members, DEMO_TEAMS_APP_ID).map((request) => ({
      ...outboxDocumentFor(tenantId, request, new Date(SEED_AT)),
      state: 'sent' as const,
      sentAt: SEED_AT,
    }));
    documents.push(module, version, assignment, ...sent);
  }

  // Jonas opened the mission module from his Teams notification and is part-way through.
  const progress: ProgressDocument = {
    id: progressIdFor(ONBOARDING_IDS.assignments.mission, p.jonas), tenantId, type: 'progress',
    assignmentId: ONBOARDING_IDS.assignments.mission, cohortId: cohort.id, moduleId: ONBOARDING_IDS.modules.mission,
    moduleVersionId: moduleVersionIdFor(ONBOARDING_IDS.modules.mission, 1), version: 1, userId: p.jonas,
    sectionsDone: ['promise'],
    answers: [{ questionId: 'window', selectedOptionIds: ['a'], correct: false, firstTryCorrect: false, attempts: 1, answeredAt: SEED_AT }],
    startedAt: SEED_AT, acknowledgedAt: null, completedAt: null, openedFromNotificationAt: SEED_AT, updatedAt: SEED_AT,
  };
  documents.push(progress);
  return documents;
}
