/**
 * Everything a handler needs, built once per process from the environment (lazily, on first
 * use) so handlers stay thin and the same code runs in Azure and in the local stack.
 */
import type { CosmosClient } from '@azure/cosmos';
import { authConfigFromEnv, type AuthConfig } from './auth/auth-config.js';
import { bearerFrom, createTokenVerifier, type Caller, type TokenVerifier } from './auth/verify-token.js';
import { containersOf, createCosmosClient } from './data/cosmos-client.js';
import { createDirectoryRepository, type DirectoryRepository } from './data/directory-repository.js';
import { createStrategyRepository, type StrategyRepository } from './data/strategy-repository.js';
import { createTasksRepository, type TasksRepository } from './data/tasks-repository.js';
import { createTeamTasksRepository, type TeamTasksRepository } from './data/team-tasks-repository.js';
import { createTeamsRepository, type TeamsRepository } from './data/teams-repository.js';
import { createTenantsRepository, type TenantsRepository } from './data/tenants-repository.js';
import { createPeopleRepository, type PeopleRepository } from './data/people-repository.js';
import { createStrategyEditingRepository, type StrategyEditingRepository } from './data/strategy-editing-repository.js';
import { createStrategyTaskLinks, type StrategyTaskLinks } from './data/strategy-task-links.js';

export interface Services {
  cosmos: CosmosClient;
  tenants: TenantsRepository;
  directory: DirectoryRepository;
  strategy: StrategyRepository;
  tasks: TasksRepository;
  teams: TeamsRepository;
  teamTasks: TeamTasksRepository;
  strategyEditing: StrategyEditingRepository;
  people: PeopleRepository;
  strategyTaskLinks: StrategyTaskLinks;
  auth: AuthConfig;
  verifyToken: TokenVerifier;
}

export function createServices(env: NodeJS.ProcessEnv): Services {
  const cosmos = createCosmosClient(env);
  const containers = containersOf(cosmos);
  const tenants = createTenantsRepository(containers.tenants);
  const auth = authConfigFromEnv(env, { isTenantOnboarded: (tid) => tenants.isOnboarded(tid) });
  return {
    cosmos,
    tenants,
    directory: createDirectoryRepository(containers.directory),
    strategy: createStrategyRepository(containers.strategy),
    tasks: createTasksRepository(containers.tasks),
    teams: createTeamsRepository(containers.directory),
    teamTasks: createTeamTasksRepository(containers.tasks),
    strategyEditing: createStrategyEditingRepository(containers.strategy),
    people: createPeopleRepository(containers.directory),
    strategyTaskLinks: createStrategyTaskLinks(containers.tasks),
    auth,
    verifyToken: createTokenVerifier(auth),
  };
}

let current: Services | undefined;

export function getServices(): Services {
  current ??= createServices(process.env);
  return current;
}

/** Drops the cached services (the local stack calls this after changing the environment). */
export function resetServices(): void {
  current?.cosmos.dispose();
  current = undefined;
}

/** The verified caller of a request; throws AuthError (401/403) otherwise. */
export function authenticate(services: Services, authorizationHeader: string | null): Promise<Caller> {
  return services.verifyToken(bearerFrom(authorizationHeader));
}
