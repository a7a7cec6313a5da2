/**
 * The directory sync of every onboarded tenant, one tenant after another: its people from
 * /users/delta (users-sync.ts), then the members of the groups its teams are linked to
 * (team-members-sync.ts). Run by the directory-sync timer; a run that reaches its budget stops
 * between pages, and the next run carries on from the stored links.
 */
import type { DirectorySyncRepository } from '../data/directory-sync-repository.js';
import type { GroupMembersReader } from '../data/entra-group-members.js';
import type { PeopleRepository } from '../data/people-repository.js';
import type { TasksRepository } from '../data/tasks-repository.js';
import type { TeamsRepository } from '../data/teams-repository.js';
import type { DirectoryGraph } from './graph-reader.js';
import { syncTeamMembers, type TeamMembersSyncReport } from './team-members-sync.js';
import { syncUsers, type SyncPacing, type UsersSyncOutcome } from './users-sync.js';

export interface DirectorySyncDependencies {
  graph: DirectoryGraph;
  groups: GroupMembersReader;
  people: PeopleRepository;
  tasks: TasksRepository;
  teams: TeamsRepository;
  syncState: DirectorySyncRepository;
  /** Onboarded tenants only. */
  tenantIds: () => Promise<string[]>;
  now: () => Date;
  pacing: SyncPacing;
  onRemoved?: (tenantId: string, userId: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

export interface TenantSyncReport {
  tenantId: string;
  users: UsersSyncOutcome;
  teams: TeamMembersSyncReport | { error: string };
}

export interface DirectorySync {
  runAll(options?: { maxRunMs?: number }): Promise<TenantSyncReport[]>;
  /** One tenant now (e.g. right after it onboards, instead of waiting for the timer). */
  runTenant(tenantId: string, options?: { maxRunMs?: number }): Promise<TenantSyncReport>;
}

/** Graph's directory reads allow far more; one page at a time, spaced, keeps the sync a quiet neighbour. */
export const DEFAULT_SYNC_PACING: SyncPacing = { pageDelayMs: 200, maxRetryWaitMs: 30_000, maxRetries: 3 };

export function syncPacingFromEnv(env: NodeJS.ProcessEnv): SyncPacing {
  const delay = Number(env.LOS_DIRECTORY_SYNC_PAGE_DELAY_MS);
  return { ...DEFAULT_SYNC_PACING, ...(Number.isInteger(delay) && delay >= 0 ? { pageDelayMs: delay } : {}) };
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createDirectorySync(deps: DirectorySyncDependencies): DirectorySync {
  const sleep = deps.sleep ?? defaultSleep;
  // One sync per tenant at a time in this instance: the run right after sign-up and the timer's can overlap.
  const running = new Map<string, Promise<TenantSyncReport>>();
  function syncTenant(tenantId: string, deadlineMs: number): Promise<TenantSyncReport> {
    let run = running.get(tenantId);
    if (!run) {
      run = syncTenantNow(tenantId, deadlineMs).finally(() => running.delete(tenantId));
      running.set(tenantId, run);
    }
    return run;
  }

  async function syncTenantNow(tenantId: string, deadlineMs: number): Promise<TenantSyncReport> {
    const users = await syncUsers({ ...deps, sleep }, tenantId, deadlineMs);
    let teams: TenantSyncReport['teams'];
    try {
      teams = await syncTeamMembers({ groups: deps.groups, people: deps.people, teams: deps.teams, sleep, pageDelayMs: deps.pacing.pageDelayMs }, tenantId);
    } catch (error) {
      teams = { error: (error as Error).message };
    }
    return { tenantId, users, teams };
  }
  return {
    async runAll({ maxRunMs = 240_000 } = {}) {
      if (!deps.graph.configured) return [];
      const deadlineMs = Date.now() + maxRunMs;
      const reports: TenantSyncReport[] = [];
      for (const tenantId of await deps.tenantIds()) {
        if (Date.now() >= deadlineMs) break;
        // One tenant's failure (e.g. its consent was revoked) never stops the others'.
        try {
          reports.push(await syncTenant(tenantId, deadlineMs));
        } catch (error) {
          reports.push({ tenantId, users: { status: 'failed', pages: 0, detail: (error as Error).message }, teams: { error: 'not run' } });
        }
      }
      return reports;
    },
    runTenant: (tenantId, { maxRunMs = 60_000 } = {}) => syncTenant(tenantId, Date.now() + maxRunMs),
  };
}
