/**
 * The Teams side of the teams-js postMessage protocol, as far as the tab uses it.
 * Pure functions: main.ts wires them to the DOM, tests call them directly.
 */
import type { DevIdentity } from '@contracts';

export type TeamsTheme = 'default' | 'dark' | 'contrast';

/** A request from teams-js in the tab: `{ id, uuidAsString, func, args }`. */
export interface TabRequest {
  id: number;
  uuidAsString?: string;
  func: string;
  args?: unknown[];
}

export function isTabRequest(data: unknown): data is TabRequest {
  if (typeof data !== 'object' || data === null) return false;
  const candidate = data as Partial<TabRequest>;
  return typeof candidate.func === 'string' && typeof candidate.id === 'number';
}

/** Host capabilities we claim; teams-js answers `isSupported()` from this. */
export const RUNTIME_CONFIG = {
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  isLegacyTeams: false,
  supports: {
    app: {},
    appEntity: {},
    pages: { tabs: {}, config: {}, appButton: {}, backStack: {} },
    teamsCore: {},
    dialog: { url: {}, card: {} },
    authentication: {},
  },
};

/** Reply args for `initialize`: [frameContext, hostClientType, runtimeConfig JSON, SDK version]. */
export function initializeReply(): unknown[] {
  return ['content', 'web', JSON.stringify(RUNTIME_CONFIG), '2.58.0'];
}

/** A sign-in name that looks like a work account, e.g. "ava.lindqvist@northwind.example". */
export function principalNameFor(identity: Pick<DevIdentity, 'displayName' | 'tenantName'>): string {
  const slug = (text: string, joiner: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, joiner)
      .replace(new RegExp(`^\\${joiner}+|\\${joiner}+$`, 'g'), '');
  return `${slug(identity.displayName, '.')}@${slug(identity.tenantName, '-')}.example`;
}

/** Reply args for `getContext`: [legacy context], the shape Teams sends and teams-js maps to app.Context. */
export function contextReply(identity: DevIdentity, theme: TeamsTheme, appSessionId: string, locale = 'en-US'): unknown[] {
  return [
    {
      locale,
      theme,
      userObjectId: identity.userId,
      tid: identity.tenantId,
      userPrincipalName: principalNameFor(identity),
      loginHint: principalNameFor(identity),
      userDisplayName: identity.displayName,
      hostName: 'Teams',
      hostClientType: 'web',
      frameContext: 'content',
      entityId: 'home',
      appSessionId,
    },
  ];
}

/** The host page's one-line account of what the tab last reported about its load. */
export function describeLoadReport(func: string, args: readonly unknown[] = []): string | null {
  switch (func) {
    case 'appInitialization.success':
      return 'Tab reported: success';
    case 'appInitialization.failure': {
      const [reason, message] = args;
      return `Tab reported: failure (${String(reason ?? 'unknown')}${message ? `: ${String(message)}` : ''})`;
    }
    case 'appInitialization.expectedFailure':
      return `Tab reported: expected failure (${String(args[0] ?? 'unknown')})`;
    case 'appInitialization.appLoaded':
      return 'Tab reported: loaded, finishing start-up';
    default:
      return null;
  }
}

/** Dev identities grouped by tenant, tenants in first-seen order, for the "Signed in as" picker. */
export function groupByTenant(identities: readonly DevIdentity[]): { tenantId: string; tenantName: string; people: DevIdentity[] }[] {
  const groups = new Map<string, { tenantId: string; tenantName: string; people: DevIdentity[] }>();
  for (const identity of identities) {
    const group = groups.get(identity.tenantId) ?? { tenantId: identity.tenantId, tenantName: identity.tenantName, people: [] };
    group.people.push(identity);
    groups.set(identity.tenantId, group);
  }
  return [...groups.values()];
}

/** "Ava Lindqvist — Platform · Leader" */
export function identityLabel(identity: DevIdentity): string {
  const details = [identity.teamName, identity.roles.join(', ')].filter(Boolean).join(' · ');
  return details ? `${identity.displayName} — ${details}` : identity.displayName;
}
