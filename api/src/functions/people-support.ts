import type { TeamDocument } from '../data/documents.js';
import type { StoredPerson } from '../data/people-repository.js';
import { mergeRoles } from '../http/authorise.js';
import type { Person } from '../shared/contracts.js';

/**
 * A person as the people list shows them. `roles` are effective roles: the roles their token had
 * as recorded in the directory, plus roles granted in the app.
 */
export function toPerson(document: StoredPerson, teams: readonly Pick<TeamDocument, 'id' | 'name'>[]): Person {
  const grantedRoles = document.grantedRoles ?? [];
  return {
    id: document.id,
    displayName: document.displayName,
    teamId: document.teamId,
    teamName: teams.find((team) => team.id === document.teamId)?.name ?? null,
    roles: mergeRoles(document.roles, grantedRoles),
    grantedRoles: [...grantedRoles],
    etag: document._etag,
  };
}
