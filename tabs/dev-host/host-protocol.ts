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

/** Where the tab runs: 'content' for a tab, 'settings' for a channel tab's configuration page, 'authentication' for a sign-in window. */
export type FrameContext = 'content' | 'settings' | 'authentication';

/** Reply args for `initialize`: [frameContext, hostClientType, runtimeConfig JSON, SDK version]. */
export function initializeReply(frameContext: FrameContext = 'content'): unknown[] {
  return [frameContext, 'web', JSON.stringify(RUNTIME_CONFIG), '2.58.0'];
}

/** A Teams channel the host page can put the tab in (Teams ids, as Teams would send them). */
export interface DemoChannel {
  key: string;
  channelId: string;
  channelName: string;
  /** The Microsoft 365 group id of the Teams team. */
  teamsTeamId: string;
  /** The Teams team's name; the configuration page preselects the app team of that name. */
  teamName: string;
}

export const DEMO_CHANNELS: readonly DemoChannel[] = [
  {
    key: 'operations',
    channelId: '19:contoso-operations-general@thread.tacv2',
    channelName: 'General',
    teamsTeamId: 'c0c0a000-0000-4000-8000-00000000a001',
    teamName: 'Operations',
  },
  {
    key: 'customer-success',
    channelId: '19:contoso-customer-success-general@thread.tacv2',
    channelName: 'General',
    teamsTeamId: 'c0c0a000-0000-4000-8000-00000000a002',
    teamName: 'Customer Success',
  },
];

/**
 * Which tab the host shows: the personal tab, a channel tab, or a channel tab's configuration page.
 * `entityId` is what the configuration page saved for the channel tab (Teams hands it back in context).
 */
export type TabSurface =
  | { kind: 'personal' }
  | { kind: 'channel'; channel: DemoChannel; entityId: string }
  | { kind: 'config'; channel: DemoChannel };

export function frameContextOf(surface: TabSurface): FrameContext {
  return surface.kind === 'config' ? 'settings' : 'content';
}

/** The tab's address for a surface, under /tab/ where the local host serves it. */
export function tabUrlFor(surface: TabSurface): string {
  if (surface.kind === 'config') return '/tab/index.html?view=config';
  if (surface.kind === 'channel') return '/tab/index.html?view=channel';
  return '/tab/';
}

/** "personal", "channel:operations", "config:operations" — the host's Tab picker values. */
export function surfaceKey(surface: TabSurface): string {
  return surface.kind === 'personal' ? 'personal' : `${surface.kind}:${surface.channel.key}`;
}

export function surfaceFromKey(key: string | null, entityIds: Readonly<Record<string, string>> = {}): TabSurface {
  const [kind, channelKey] = (key ?? '').split(':');
  const channel = DEMO_CHANNELS.find((candidate) => candidate.key === channelKey);
  if (!channel) return { kind: 'personal' };
  if (kind === 'config') return { kind: 'config', channel };
  if (kind === 'channel') return { kind: 'channel', channel, entityId: entityIds[channel.key] ?? '' };
  return { kind: 'personal' };
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
export function contextReply(
  identity: DevIdentity,
  theme: TeamsTheme,
  appSessionId: string,
  locale = 'en-US',
  surface: TabSurface = { kind: 'personal' },
  subEntityId = '',
): unknown[] {
  const channel =
    surface.kind === 'personal'
      ? {}
      : {
          channelId: surface.channel.channelId,
          channelName: surface.channel.channelName,
          channelType: 'Regular',
          teamId: `19:${surface.channel.key}@thread.skype`,
          groupId: surface.channel.teamsTeamId,
          teamName: surface.channel.teamName,
        };
  return [
    {
      locale,
      theme,
      userObjectId: identity.userId,
      tid: identity.tenantId,
      userPrincipalName: identity.upn ?? principalNameFor(identity),
      loginHint: principalNameFor(identity),
      userDisplayName: identity.displayName,
      hostName: 'Teams',
      hostClientType: 'web',
      frameContext: frameContextOf(surface),
      entityId: surface.kind === 'personal' ? 'home' : surface.kind === 'channel' ? surface.entityId : '',
      appSessionId,
      // A deep link's context (teams-js reports it as page.subPageId): which item to open in the tab.
      ...(subEntityId ? { subEntityId } : {}),
      ...channel,
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
    case 'settings.save.success':
      return 'Tab reported: settings saved';
    case 'settings.save.failure':
      return `Tab reported: settings not saved${args[0] ? ` (${String(args[0])})` : ''}`;
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

/**
 * The subEntityId a Teams deep link carries (`https://teams.microsoft.com/l/entity/<app>/<tab>?context=
 * {"subEntityId":"…"}`), as Teams hands it to the tab it opens. Plain text that is not such a link is
 * taken as the subEntityId itself; an unreadable link gives null.
 */
export function subEntityIdFromDeepLink(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^https?:\/\//i.test(trimmed)) return trimmed;
  try {
    const context = new URL(trimmed).searchParams.get('context');
    if (!context) return null;
    const parsed: unknown = JSON.parse(context);
    const subEntityId = (parsed as { subEntityId?: unknown } | null)?.subEntityId;
    return typeof subEntityId === 'string' && subEntityId !== '' ? subEntityId : null;
  } catch {
    return null;
  }
}
