/**
 * The completion dashboard of one cohort × module, from the documents as stored. Pure.
 * Each person counts once, on the newest assignment of the module they received (a re-assigned
 * new version replaces the old one for them). Notified = their "assigned" notification was sent;
 * queued = it is still to go (in the outbox, or still in the assignment's plan); failed = given up
 * on (a dead letter); opened = they opened the module from that notification; per-question figures
 * use FIRST tries. The figures count everyone; only people the viewer may see by name (their own
 * team's, for a Leader; everyone, for an Admin: domain/name-visibility.ts) are listed, the others
 * are counted as hidden. The lists are whole here; the route answers them a page at a time.
 */
import type { PersonDocument } from '../../data/documents.js';
import type { AssignmentDocument, CohortDocument, ProgressDocument } from '../../data/onboarding-documents.js';
import type { OutboxDocument } from '../../notifications/outbox.js';
import type { Dashboard, ModuleContent } from '../../shared/contracts.js';
import { writeCsv } from '../csv.js';
import { canSee, EVERYONE_VISIBLE, type NameVisibility } from '../name-visibility.js';
import { notificationStates } from './fan-out.js';
import { isOverdue, statusOf } from './learner-progress.js';

export interface DashboardInput {
  cohort: Pick<CohortDocument, 'id' | 'name'>;
  moduleId: string;
  /** Content by module version id (every version the cohort was assigned). */
  contents: ReadonlyMap<string, ModuleContent>;
  /** The module's assignments to this cohort. */
  assignments: readonly AssignmentDocument[];
  progress: readonly ProgressDocument[];
  outbox: readonly Pick<OutboxDocument, 'assignmentId' | 'recipientUserId' | 'kind' | 'state'>[];
  people: readonly Pick<PersonDocument, 'id' | 'displayName' | 'teamId'>[];
  now: Date;
  /** Whose rows the viewer may see (default: everyone's, the Admin's view). */
  visibility?: NameVisibility;
}

type DashboardPerson = Dashboard['people'][number];

export function buildDashboard(input: DashboardInput): Dashboard {
  const names = new Map(input.people.map((person) => [person.id, person.displayName]));
  const teams = new Map(input.people.map((person) => [person.id, person.teamId ?? null]));
  const visibility = input.visibility ?? EVERYONE_VISIBLE;
  const progressByKey = new Map(input.progress.map((entry) => [`${entry.assignmentId}|${entry.userId}`, entry]));
  const notifications = notificationStates(input.assignments, input.outbox);
  const newestFirst = [...input.assignments].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.version - a.version);
  const current = new Map<string, AssignmentDocument>();
  for (const assignment of newestFirst) for (const userId of assignment.recipientIds) if (!current.has(userId)) current.set(userId, assignment);

  const newest = newestFirst[0];
  const newestContent = newest ? input.contents.get(newest.moduleVersionId) : undefined;
  const questionStats = new Map((newestContent?.questions ?? []).map((question) => [question.id, { prompt: question.prompt, answered: 0, firstTryCorrect: 0 }]));

  const people: DashboardPerson[] = [...current].map(([userId, assignment]) => {
    const key = `${assignment.id}|${userId}`;
    const progress = progressByKey.get(key);
    for (const answer of progress?.answers ?? []) {
      const stats = questionStats.get(answer.questionId);
      if (!stats) continue;
      stats.answered += 1;
      if (answer.firstTryCorrect) stats.firstTryCorrect += 1;
    }
    const notification = notifications.get(key) ?? 'queued';
    return {
      userId,
      displayName: names.get(userId) ?? 'Unknown person',
      status: statusOf(progress),
      notified: notification === 'sent',
      notification,
      opened: Boolean(progress?.openedFromNotificationAt),
      overdue: isOverdue(assignment.dueDate, progress?.completedAt, input.now),
      sectionsDone: progress?.sectionsDone.length ?? 0,
      sectionCount: input.contents.get(assignment.moduleVersionId)?.sections.length ?? 0,
      dueDate: assignment.dueDate,
      version: assignment.version,
      completedAt: progress?.completedAt ?? null,
    };
  });
  people.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.userId.localeCompare(b.userId));
  const count = (test: (person: DashboardPerson) => boolean) => people.filter(test).length;
  const isBehind = (person: DashboardPerson) => person.status !== 'completed' && (person.overdue || person.status === 'not_started');
  const named = people.filter((person) => canSee(visibility, person.userId, teams.get(person.userId) ?? null));
  const behind = count(isBehind);
  const namedBehind = named.filter(isBehind);

  return {
    cohortId: input.cohort.id,
    cohortName: input.cohort.name,
    moduleId: input.moduleId,
    moduleTitle: newestContent?.title ?? newest?.moduleTitle ?? '',
    assigned: people.length,
    notified: count((person) => person.notified),
    queued: count((person) => person.notification === 'queued'),
    notificationFailed: count((person) => person.notification === 'failed'),
    opened: count((person) => person.opened),
    started: count((person) => person.status !== 'not_started'),
    completed: count((person) => person.status === 'completed'),
    overdue: count((person) => person.overdue),
    questions: [...questionStats].map(([questionId, stats]) => ({
      questionId,
      prompt: stats.prompt,
      answered: stats.answered,
      firstTryCorrect: stats.firstTryCorrect,
      firstTryCorrectRate: stats.answered === 0 ? null : stats.firstTryCorrect / stats.answered,
    })),
    // Overdue first, then those who have not started; completed people are never behind.
    peopleBehind: namedBehind.sort((a, b) => compareOrdinal(behindOrderKey(a), behindOrderKey(b)) || compareOrdinal(a.userId, b.userId)),
    behind,
    people: named,
    hiddenPeople: people.length - named.length,
    hiddenPeopleBehind: behind - namedBehind.length,
  };
}

/**
 * Where a person behind stands in the list of people behind: overdue first, then by name. One
 * string, so a page's keyset cursor (the last row's key and id) follows the same order.
 */
export function behindOrderKey(person: Pick<DashboardPerson, 'overdue' | 'displayName'>): string {
  return `${person.overdue ? '0' : '1'}${person.displayName}`;
}

/** Ordinal, as Cosmos DB orders strings, so keyset cursors compare the way the lists are sorted. */
export const compareOrdinal = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const DASHBOARD_CSV_COLUMNS = [
  'cohort', 'module', 'person', 'userId', 'status', 'notified', 'notification', 'opened', 'overdue', 'sectionsDone', 'sectionCount', 'dueDate', 'version', 'completedAt',
] as const;

/** One row per person (CSV-injection safe through writeCsv). */
export function dashboardCsv(dashboard: Dashboard): string {
  const yesNo = (value: boolean) => (value ? 'yes' : 'no');
  return writeCsv([
    [...DASHBOARD_CSV_COLUMNS],
    ...dashboard.people.map((person) => [
      dashboard.cohortName,
      dashboard.moduleTitle,
      person.displayName,
      person.userId,
      person.status,
      yesNo(person.notified),
      person.notification,
      yesNo(person.opened),
      yesNo(person.overdue),
      String(person.sectionsDone),
      String(person.sectionCount),
      person.dueDate,
      String(person.version),
      person.completedAt ?? '',
    ]),
  ]);
}
