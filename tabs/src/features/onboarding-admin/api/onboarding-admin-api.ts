/**
 * Leaders' onboarding calls: modules, cohorts, assignments, the completion dashboard and dead letters.
 * Schemas come from their own contract files (not the `@contracts` barrel), so only this area's chunk carries them.
 */
import { listQueryString } from '../../../components/list-query';
import type { FetchPage } from '../../../components/use-paged-search';
import { strategyMapSchema, type StrategyMap } from '@contracts';
import type { ApiClient } from '../../../app/api-client';
import {
  moduleListSchema,
  moduleSchema,
  publishResultSchema,
  type ModuleContentInput,
  type OnboardingModule,
  type PublishResult,
} from '../../../../../api/src/shared/onboarding-contracts';
import {
  assignmentListSchema,
  cohortListSchema,
  cohortSchema,
  dashboardSchema,
  cohortSearchPageSchema,
  deadNotificationListSchema,
  memberImportPreviewSchema,
  type Assignment,
  type Cohort,
  type CohortSummary,
  type CreateAssignmentsInput,
  type Dashboard,
  type DeadNotification,
  type MemberImportPreview,
} from '../../../../../api/src/shared/onboarding-cohort-contracts';
import { remindPeopleBehindResultSchema, type RemindPeopleBehindResult } from '../../../../../api/src/shared/onboarding-remind-contracts';

const part = encodeURIComponent;

export interface MemberPage {
  offset: number;
  limit: number;
  search: string;
}

const pageQuery = (page: Partial<MemberPage>) =>
  new URLSearchParams(Object.entries(page).flatMap(([key, value]) => (value === undefined || value === '' ? [] : [[key, String(value)]]))).toString();

/** The live strategy map, for the learner preview (the same vision and strategies a new hire's module shows). */
export const strategyMapApi = {
  load: (client: ApiClient, signal?: AbortSignal): Promise<StrategyMap> => client.request('/api/strategy-map', strategyMapSchema, { signal }),
};

export const modulesApi = {
  list: async (client: ApiClient, signal?: AbortSignal): Promise<OnboardingModule[]> => (await client.request('/api/modules', moduleListSchema, { signal })).modules,
  create: (client: ApiClient, content: ModuleContentInput): Promise<OnboardingModule> => client.request('/api/modules', moduleSchema, { method: 'POST', body: content }),
  update: (client: ApiClient, id: string, content: ModuleContentInput, etag: string): Promise<OnboardingModule> =>
    client.request(`/api/modules/${part(id)}`, moduleSchema, { method: 'PUT', body: content, ifMatch: etag }),
  /** → the immutable version and the module with its new etag. */
  publish: (client: ApiClient, id: string, etag: string): Promise<PublishResult> =>
    client.request(`/api/modules/${part(id)}/publish`, publishResultSchema, { method: 'POST', ifMatch: etag }),
};

export const cohortsApi = {
  /** The first (up to) 200 cohorts, for pickers. */
  list: async (client: ApiClient, signal?: AbortSignal): Promise<CohortSummary[]> => (await client.request('/api/cohorts?limit=200', cohortListSchema, { signal })).cohorts,
  /** Cohorts whose name contains q, a keyset page at a time (GET /api/cohorts?q=&limit=&cursor=). */
  search: (client: ApiClient): FetchPage<CohortSummary> => async (params, signal) => {
    const page = await client.request(`/api/cohorts?${listQueryString(params)}`, cohortSearchPageSchema, { signal });
    return { items: page.cohorts, nextCursor: page.nextCursor };
  },
  /** One page of cohorts with the total. */
  page: (client: ApiClient, offset: number, limit: number, signal?: AbortSignal) => client.request(`/api/cohorts?${pageQuery({ offset, limit })}`, cohortListSchema, { signal }),
  /** The cohort with one page of its people (sorted by name; search matches name or UPN). */
  get: (client: ApiClient, id: string, page: Partial<MemberPage> = {}, signal?: AbortSignal): Promise<Cohort> => {
    const query = pageQuery(page);
    return client.request(`/api/cohorts/${part(id)}${query ? `?${query}` : ''}`, cohortSchema, { signal });
  },
  create: (client: ApiClient, name: string, description: string): Promise<Cohort> =>
    client.request('/api/cohorts', cohortSchema, { method: 'POST', body: { name, description } }),
  addMembers: (client: ApiClient, id: string, userIds: string[]): Promise<Cohort> =>
    client.request(`/api/cohorts/${part(id)}/members`, cohortSchema, { method: 'POST', body: { userIds } }),
  removeMember: (client: ApiClient, id: string, userId: string): Promise<void> =>
    client.send(`/api/cohorts/${part(id)}/members/${part(userId)}`, { method: 'DELETE' }),
  /** A CSV of UPNs/emails: `dryRun` previews per row; any row error answers 400 with the preview and writes nothing. */
  importCsv: (client: ApiClient, id: string, csv: string, dryRun: boolean): Promise<MemberImportPreview> =>
    client.request(`/api/cohorts/${part(id)}/members/import?dryRun=${dryRun}`, memberImportPreviewSchema, {
      method: 'POST',
      rawBody: { contentType: 'text/csv', text: csv },
    }),
  fromGroup: (client: ApiClient, id: string, groupId: string, dryRun: boolean): Promise<MemberImportPreview> =>
    client.request(`/api/cohorts/${part(id)}/members/from-group`, memberImportPreviewSchema, { method: 'POST', body: { groupId, dryRun } }),
  /**
   * 201 when something new was assigned, 200 (the stored assignments, alreadyAssigned) when the cohort
   * had every version already: pressing Assign twice, or retrying, never notifies anyone twice.
   */
  assign: async (client: ApiClient, id: string, input: CreateAssignmentsInput): Promise<(Assignment & { alreadyAssigned: boolean })[]> =>
    (await client.request(`/api/cohorts/${part(id)}/assignments`, assignmentListSchema, { method: 'POST', body: input })).assignments,
  /** The figures, with only a first page of names (a cohort of thousands stays a small answer): the lists below page the rest. */
  dashboard: (client: ApiClient, id: string, moduleId: string, signal?: AbortSignal): Promise<Dashboard> =>
    client.request(`/api/cohorts/${part(id)}/dashboard?moduleId=${part(moduleId)}`, dashboardSchema, { signal }),
  /** The dashboard's named people whose name contains q, a page at a time (the figures still count everyone). */
  dashboardPeople: (client: ApiClient, id: string, moduleId: string): FetchPage<Dashboard['people'][number]> => async (params, signal) => {
    const page = await client.request(`/api/cohorts/${part(id)}/dashboard?moduleId=${part(moduleId)}&${listQueryString(params)}`, dashboardSchema, { signal });
    return { items: page.people, nextCursor: page.nextCursor ?? null };
  },
  /** The named people behind (overdue first, then by name) whose name contains q, a page at a time. */
  dashboardPeopleBehind: (client: ApiClient, id: string, moduleId: string): FetchPage<Dashboard['people'][number]> => async (params, signal) => {
    const page = await client.request(`/api/cohorts/${part(id)}/dashboard?moduleId=${part(moduleId)}&behind=true&${listQueryString(params)}`, dashboardSchema, { signal });
    return { items: page.people, nextCursor: page.nextCursor ?? null };
  },
  /** Reminds everyone behind on the module through the outbox: at most one reminder a person a day, so pressing it twice reminds nobody twice. */
  remindBehind: (client: ApiClient, id: string, moduleId: string): Promise<RemindPeopleBehindResult> =>
    client.request(`/api/cohorts/${part(id)}/remind`, remindPeopleBehindResultSchema, { method: 'POST', body: { moduleId } }),
  exportDashboard: (client: ApiClient, id: string, moduleId: string) => client.download(`/api/cohorts/${part(id)}/dashboard/export?moduleId=${part(moduleId)}`),
};

export const deadLettersApi = {
  /** The newest 100 and how many there are in all (retrying one makes room for the next). */
  list: async (client: ApiClient, signal?: AbortSignal): Promise<{ notifications: DeadNotification[]; total: number }> =>
    client.request('/api/notifications/dead?limit=100', deadNotificationListSchema, { signal }),
  retry: (client: ApiClient, id: string): Promise<void> => client.send(`/api/notifications/dead/${part(id)}/retry`, { method: 'POST' }),
};

/** A preview that came back as a 400's body (row errors): the same shape, for showing per-row errors. */
export function previewFromError(body: unknown): MemberImportPreview | null {
  for (const candidate of [body, (body as { preview?: unknown } | null)?.preview]) {
    const parsed = memberImportPreviewSchema.safeParse(candidate);
    if (parsed.success) return parsed.data;
  }
  return null;
}
