import { hasStarted, oneAssignmentPerVersion, toMyAssignment, toProgress } from '../domain/onboarding/learner-progress.js';
import { contentIn } from '../domain/onboarding/module-language.js';
import { negotiateModuleLanguage } from '../domain/onboarding/module-language-negotiation.js';
import { needsLiveMap, renderModule } from '../domain/onboarding/module-rendering.js';
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { json } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';
import type { MyModule } from '../shared/contracts.js';
import { learnerAssignment, progressOf } from './onboarding-support.js';

/** GET /api/me/onboarding — the caller's own started assignments with progress, due first; each module version once. */
export const meOnboardingList = authenticatedHandler(async ({ request, caller, services }) => {
  const now = services.now();
  const { tenantId, userId } = caller;
  const [assignments, progress] = await Promise.all([
    services.onboarding.listAssignmentsForPerson(tenantId, userId),
    services.onboarding.listProgressForPerson(tenantId, userId),
  ]);
  const byAssignment = new Map(progress.map((entry) => [entry.assignmentId, entry]));
  const started = oneAssignmentPerVersion(
    assignments.filter((assignment) => hasStarted(assignment, now)),
    userId,
    (assignmentId) => byAssignment.has(assignmentId),
  );
  const versionIds = [...new Set(started.map((assignment) => assignment.moduleVersionId))];
  const versions = new Map(
    (await Promise.all(versionIds.map((versionId) => services.onboarding.getVersion(tenantId, versionId)))).flatMap((version) => (version ? [[version.id, version]] : [])),
  );
  const rows = started.flatMap((assignment) => {
    const version = versions.get(assignment.moduleVersionId);
    // Titles in the reader's language, as the module itself is served.
    const content = version && contentIn(version.content, negotiateModuleLanguage(version.content, request.headers.get('accept-language')));
    return content ? [toMyAssignment(assignment, content, byAssignment.get(assignment.id), now)] : [];
  });
  rows.sort((a, b) => Number(a.status === 'completed') - Number(b.status === 'completed') || a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title));
  return json(200, { assignments: rows });
});

/**
 * GET /api/me/onboarding/{assignmentId} — the module as the new hire reads it, in the translation that
 * best matches Accept-Language (or the original), saying which; someone else's assignment is a 404.
 */
export const meOnboardingGet = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'assignmentId');
  if (!id.ok) return id.response;
  const now = services.now();
  const learner = await learnerAssignment(services, caller, id.value, now);
  if (!learner) return problems.notFound();
  const language = negotiateModuleLanguage(learner.version.content, request.headers.get('accept-language'));
  const content = contentIn(learner.version.content, language);
  const live = needsLiveMap(content);
  const [organisation, strategies] = live
    ? await Promise.all([services.strategy.getOrganisation(caller.tenantId), services.strategy.listStrategies(caller.tenantId)])
    : [undefined, []];
  const progress = progressOf(learner, caller.userId, now);
  const body: MyModule = {
    assignment: toMyAssignment(learner.assignment, content, learner.progress, now),
    language,
    ...renderModule(content, { organisation, strategies }),
    progress: toProgress(progress, content),
  };
  return json(200, body);
});
