/**
 * What finishing a sign-up writes (pure): the organisation and its first strategies (strategy
 * container), the app teams linked to the chosen Microsoft 365 groups and the signer's Admin person
 * record (directory container), and — last — the tenant document that makes the tenant onboarded.
 */
import type { OrganisationDocument, PersonDocument, SignupDraftDocument, StrategyDocument, TeamDocument, TenantDocument } from '../data/documents.js';
import { ORGANISATION_DOCUMENT_ID } from '../data/documents.js';

export interface FinishSigner {
  userId: string;
  displayName: string;
  upn?: string | undefined;
}

/** What the draft still lacks before it can finish: field paths with a message each; empty when complete. */
export function missingForFinish(draft: Pick<SignupDraftDocument, 'companyName' | 'statement' | 'strategies'>): { path: string; message: string }[] {
  const missing: { path: string; message: string }[] = [];
  if (!draft.companyName) missing.push({ path: 'companyName', message: 'Name the company' });
  if (!draft.statement?.vision) missing.push({ path: 'statement.vision', message: 'Write the vision' });
  if (draft.strategies.length === 0) missing.push({ path: 'strategies', message: 'Add at least one strategy' });
  return missing;
}

export interface FinishDocuments {
  organisation: OrganisationDocument;
  strategies: StrategyDocument[];
  teams: TeamDocument[];
  tenant: TenantDocument;
}

/** The documents of a complete draft (call missingForFinish first). Team ids are the group ids: one app team per group. */
export function finishDocuments(draft: SignupDraftDocument, onboardedAt: Date): FinishDocuments {
  const { tenantId } = draft;
  const name = draft.companyName ?? '';
  const statement = draft.statement ?? { vision: '', mission: '', values: [], differentiator: '' };
  return {
    organisation: { id: ORGANISATION_DOCUMENT_ID, tenantId, type: 'organisation', name, ...statement },
    strategies: draft.strategies.map((strategy, index) => ({
      id: strategy.id, tenantId, type: 'strategy', title: strategy.title, why: strategy.why, customerImpact: strategy.customerImpact,
      order: index + 1, status: 'active', ownerId: null, progress: 'not_started', measures: strategy.measures,
    })),
    teams: draft.teams.map((team) => ({
      id: team.groupId, tenantId, type: 'team', name: team.displayName, strategyIds: [], groupId: team.groupId, linkedGroup: { displayName: team.displayName, isTeam: team.isTeam },
    })),
    tenant: { id: tenantId, tenantId, name, onboardedAt: onboardedAt.toISOString() },
  };
}

/** The signer's person record as an Admin: Admin is granted in the app, since a directory role alone is not an app role. */
export function signerPerson(tenantId: string, signer: FinishSigner, existing: PersonDocument | undefined): PersonDocument {
  const base: PersonDocument = existing ?? { id: signer.userId, tenantId, type: 'person', displayName: signer.displayName, teamId: null, roles: ['Employee'] };
  const roles = [...new Set([...base.roles, 'Employee', 'Admin'] as const)];
  const grantedRoles = [...new Set([...(base.grantedRoles ?? []), 'Admin'] as const)];
  return { ...base, roles, grantedRoles, ...(signer.upn && !base.upn ? { upn: signer.upn } : {}) };
}
