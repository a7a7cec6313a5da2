import { app } from '@microsoft/teams-js';

/** Teams' theme names, as context and theme-change events report them. */
export type TeamsTheme = 'default' | 'dark' | 'contrast';

export interface TeamsSession {
  theme: TeamsTheme;
  /** BCP 47 tag from the host, e.g. "en-US". */
  locale: string;
  userId: string;
  tenantId: string | undefined;
  hostName: string;
  /** Set when the tab runs in a Teams channel (a channel tab or its configuration page). */
  channel: { id: string; name: string | undefined; teamsTeamId: string | undefined; teamName: string | undefined } | null;
  /** 'content' for a tab, 'settings' for a channel tab's configuration page. */
  frameContext: string;
  /** The tab's entity id; a channel tab's says which team it was set up for ("team-<id>"). */
  pageId: string;
  /** A deep link's context (its subEntityId), e.g. the onboarding module a notification points to. */
  subPageId: string;
}

/**
 * How long we wait for a Teams host before saying we're not in one. teams-js itself waits 60 s
 * inside a frame whose parent never answers; a person deserves an answer far sooner.
 */
export const HOST_WAIT_MS = 1500;

export type HostProbe = { kind: 'host' } | { kind: 'no-host'; reason: string; stillWaiting: Promise<void> | null };

/** True when our parent frame shares our origin: the local Teams host page at / framing /tab/. */
function framedBySameOrigin(): boolean {
  if (window.parent === window) return false;
  try {
    return window.parent.location.origin === window.location.origin;
  } catch {
    return false; // a cross-origin parent (real Teams) throws on access
  }
}

/**
 * Starts teams-js and waits at most `waitMs` for the host. On timeout the initialise call keeps
 * running (`stillWaiting`): a slow host may still answer, and the tab then carries on.
 */
export async function probeTeamsHost(waitMs = HOST_WAIT_MS): Promise<HostProbe> {
  const validOrigins = framedBySameOrigin() ? [window.location.origin] : undefined;
  const initialising = app.initialize(validOrigins);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), waitMs);
  });
  try {
    const outcome = await Promise.race([initialising.then(() => 'ready' as const), timedOut]);
    if (outcome === 'ready') return { kind: 'host' };
    return { kind: 'no-host', reason: `No Teams host answered within ${waitMs} ms`, stillWaiting: initialising };
  } catch (error) {
    return { kind: 'no-host', reason: error instanceof Error ? error.message : String(error), stillWaiting: null };
  } finally {
    clearTimeout(timer);
  }
}

export function asTeamsTheme(value: string | undefined): TeamsTheme {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

export async function readTeamsSession(): Promise<TeamsSession> {
  const context = await app.getContext();
  return {
    theme: asTeamsTheme(context.app.theme),
    locale: context.app.locale || navigator.language || 'en-US',
    userId: context.user?.id ?? '',
    tenantId: context.user?.tenant?.id,
    hostName: context.app.host.name,
    channel: context.channel
      ? {
          id: context.channel.id,
          name: context.channel.displayName,
          teamsTeamId: context.team?.groupId ?? context.team?.internalId,
          teamName: context.team?.displayName,
        }
      : null,
    frameContext: context.page.frameContext ?? 'content',
    pageId: context.page.id ?? '',
    subPageId: context.page.subPageId ?? '',
  };
}

export function onTeamsThemeChange(handler: (theme: TeamsTheme) => void): void {
  app.registerOnThemeChangeHandler((theme) => handler(asTeamsTheme(theme)));
}

/** What the home view reports once, when it first loads or fails to. */
export type LoadOutcome = { ok: true } | { ok: false; reason: 'auth' | 'other'; message: string };

/** Tells Teams to drop its loading indicator — or to show its failure page, with our reason. */
export function reportLoadToTeams(outcome: LoadOutcome): void {
  if (outcome.ok) {
    void app.notifySuccess().catch(() => undefined);
    return;
  }
  app.notifyFailure({
    reason: outcome.reason === 'auth' ? app.FailedReason.AuthFailed : app.FailedReason.Other,
    message: outcome.message,
  });
}
