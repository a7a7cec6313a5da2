/**
 * Who may sign an organisation up, and whether the operator lets this tenant sign up at all (pure).
 *
 * - The person: the app role Admin in their token, or a Global Administrator or Teams Administrator
 *   directory role in its `wids`. Everyone else is told to ask one of them.
 * - The operator: TENANT_SIGNUP = open | allow-list (ALLOWED_TENANT_IDS, comma- or space-separated
 *   tenant ids) | closed. Unset: allow-list (with no ids, nobody signs up until the operator adds them).
 */
import { SIGNUP_DIRECTORY_ROLES } from '../auth/directory-roles.js';
import type { Role } from '../shared/contracts.js';

export const TENANT_SIGNUP_MODES = ['open', 'allow-list', 'closed'] as const;
export type TenantSignupMode = (typeof TENANT_SIGNUP_MODES)[number];

export interface TenantSignupPolicy {
  mode: TenantSignupMode;
  allowedTenantIds: ReadonlySet<string>;
}

export const DEFAULT_TENANT_SIGNUP: TenantSignupMode = 'allow-list';

export class SignupConfigError extends Error {
  override readonly name = 'SignupConfigError';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The policy in force; a value that is not one of the modes (or a malformed id) stops start-up rather than guessing. */
export function tenantSignupPolicyFromEnv(env: NodeJS.ProcessEnv): TenantSignupPolicy {
  const raw = env.TENANT_SIGNUP?.trim().toLowerCase() || DEFAULT_TENANT_SIGNUP;
  if (!(TENANT_SIGNUP_MODES as readonly string[]).includes(raw)) {
    throw new SignupConfigError(`TENANT_SIGNUP must be one of ${TENANT_SIGNUP_MODES.join(', ')}, got "${env.TENANT_SIGNUP}"`);
  }
  const ids = (env.ALLOWED_TENANT_IDS ?? '').split(/[\s,;]+/).filter(Boolean);
  const bad = ids.filter((id) => !GUID.test(id));
  if (bad.length > 0) throw new SignupConfigError(`ALLOWED_TENANT_IDS holds values that are not tenant ids: ${bad.join(', ')}`);
  return { mode: raw as TenantSignupMode, allowedTenantIds: new Set(ids.map((id) => id.toLowerCase())) };
}

export interface SignupRefusal {
  code: 'signup_closed' | 'tenant_not_allowed';
  title: string;
  detail: string;
}

/** Why the operator's policy refuses this tenant, or undefined when it may sign up. */
export function operatorRefusal(policy: TenantSignupPolicy, tenantId: string): SignupRefusal | undefined {
  if (policy.mode === 'open') return undefined;
  if (policy.mode === 'closed') {
    return { code: 'signup_closed', title: 'Sign-up is closed', detail: 'This Line of Sight service is not taking new organisations. Contact the team that runs it.' };
  }
  if (policy.allowedTenantIds.has(tenantId.toLowerCase())) return undefined;
  return {
    code: 'tenant_not_allowed',
    title: 'Your organisation is not on the sign-up list',
    detail: `This Line of Sight service signs up invited organisations only. Ask the team that runs it to add your tenant id (${tenantId}).`,
  };
}

export interface SignupCandidate {
  roles: readonly Role[];
  directoryRoleIds?: readonly string[] | undefined;
}

/** What makes this person able to sign up (for the audit), or undefined when nothing does. */
export function signupAuthority(candidate: SignupCandidate): string | undefined {
  if (candidate.roles.includes('Admin')) return 'Line of Sight Admin role';
  const role = (candidate.directoryRoleIds ?? []).find((id) => SIGNUP_DIRECTORY_ROLES[id.toLowerCase()]);
  return role ? SIGNUP_DIRECTORY_ROLES[role.toLowerCase()] : undefined;
}

/** Who may sign up, in words an employee can pass on. */
export const WHO_CAN_SIGN_UP = `a ${Object.values(SIGNUP_DIRECTORY_ROLES).join(' or ')} of your organisation, or someone your IT team gave the Line of Sight Admin role`;
