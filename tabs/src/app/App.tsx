import { FluentProvider, makeStyles, tokens, webLightTheme, type Theme } from '@fluentui/react-components';
import { authentication } from '@microsoft/teams-js';
import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import { StartupProblem } from '../components/StartupProblem';
import { Spinner } from '../components/light-spinner';
import { KeepTabster } from './keep-tabster';
import { PersonalShell } from './PersonalShell';
import {
  onTeamsThemeChange,
  probeTeamsHost,
  readTeamsSession,
  reportLoadToTeams,
  type LoadOutcome,
  type TeamsSession,
  type TeamsTheme,
} from './teams-session';
import { activateLocale, activeDirection, loadRegisteredCatalogues } from '../i18n';
import { appText } from './messages';
import { loadFluentTheme } from './theme';

// Only the shell is in the first download; each page arrives when it's needed.
const ChannelConfigPage = lazy(() => import('../features/channel/components/ChannelConfigPage'));
const ChannelPage = lazy(() => import('../features/channel/components/ChannelPage'));

/** `?view=config` is a channel tab's configuration page, `?view=channel` the channel tab itself. */
const VIEW = new URLSearchParams(window.location.search).get('view');

type Phase =
  | { kind: 'starting' }
  | { kind: 'outside-teams'; reason: string }
  | { kind: 'in-teams'; session: TeamsSession }
  | { kind: 'context-failed'; message: string };

const API_BASE_URL = import.meta.env.VITE_API_BASE_URL ?? '';

/** Teams caches SSO tokens and renews them, so asking for each request is cheap and never stale. */
const getTeamsToken = () => authentication.getAuthToken();

const useStyles = makeStyles({
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  centred: { display: 'grid', placeItems: 'center', minHeight: '100vh', padding: tokens.spacingHorizontalL },
});

/**
 * No Teams host answered (a frame that isn't Teams; a browser outside any frame never loads the
 * shell, see boot.ts): the same plain page, rendered into the shell's place.
 */
function OutsideTeams({ reason }: { reason: string }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    void import('../components/outside-teams-page').then(({ renderOutsideTeamsPage }) => {
      if (container.current) renderOutsideTeamsPage(container.current, reason);
    });
  }, [reason]);
  return <div ref={container} />;
}

/** The Fluent theme for Teams' theme, following its changes; the newest asked-for theme wins. */
function useFluentTheme(): [Theme, (theme: TeamsTheme) => Promise<void>] {
  const [fluentTheme, setFluentTheme] = useState<Theme>(webLightTheme);
  const latest = useRef<TeamsTheme>('default');
  const follow = useCallback(async (theme: TeamsTheme) => {
    latest.current = theme;
    const loaded = await loadFluentTheme(theme);
    if (latest.current === theme) setFluentTheme(loaded);
  }, []);
  return [fluentTheme, follow];
}

/** The shell: finds the Teams host, follows its theme, and shows the page that fits. */
export function App() {
  const styles = useStyles();
  const t = appText.useText();
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });
  const [fluentTheme, followTheme] = useFluentTheme();
  const reported = useRef(false);

  useEffect(() => {
    let cancelled = false;
    const enterTeams = async () => {
      try {
        const session = await readTeamsSession();
        // Dark or high contrast, and the person's language, arrive before the first paint in Teams, so the
        // tab neither flashes light nor speaks English first. Areas loaded later fetch their own words.
        await Promise.all([followTheme(session.theme), loadRegisteredCatalogues(activateLocale(session.locale))]);
        if (cancelled) return;
        onTeamsThemeChange((theme) => void followTheme(theme));
        setPhase({ kind: 'in-teams', session });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        reportLoadToTeams({ ok: false, reason: 'other', message: appText.text('contextFailed', { message }) });
        if (!cancelled) setPhase({ kind: 'context-failed', message });
      }
    };
    void probeTeamsHost().then((probe) => {
      if (cancelled) return;
      if (probe.kind === 'host') return enterTeams();
      setPhase({ kind: 'outside-teams', reason: probe.reason });
      // A slow host may still answer after we gave up waiting: carry on then.
      probe.stillWaiting?.then(() => enterTeams()).catch(() => undefined);
    });
    return () => {
      cancelled = true;
    };
  }, [followTheme]);

  const reportOnce = useCallback((outcome: LoadOutcome) => {
    if (reported.current) return;
    reported.current = true;
    reportLoadToTeams(outcome);
  }, []);

  const loading = (
    <div className={styles.centred}>
      <Spinner label={t('opening')} />
    </div>
  );

  return (
    <FluentProvider theme={fluentTheme} dir={activeDirection()} className={styles.provider}>
      <KeepTabster />
      <Suspense fallback={loading}>
        {phase.kind === 'starting' && loading}
        {phase.kind === 'outside-teams' && <OutsideTeams reason={phase.reason} />}
        {phase.kind === 'context-failed' && <StartupProblem message={phase.message} />}
        {phase.kind === 'in-teams' && VIEW === 'config' && (
          <ChannelConfigPage apiBaseUrl={API_BASE_URL} getToken={getTeamsToken} session={phase.session} onFirstLoad={reportOnce} />
        )}
        {phase.kind === 'in-teams' && VIEW === 'channel' && (
          <ChannelPage apiBaseUrl={API_BASE_URL} getToken={getTeamsToken} session={phase.session} onFirstLoad={reportOnce} />
        )}
        {phase.kind === 'in-teams' && VIEW !== 'config' && VIEW !== 'channel' && (
          <PersonalShell apiBaseUrl={API_BASE_URL} getToken={getTeamsToken} onFirstLoad={reportOnce} deepLink={phase.session.subPageId} />
        )}
      </Suspense>
    </FluentProvider>
  );
}
