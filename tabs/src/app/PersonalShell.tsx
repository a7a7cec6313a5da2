import type { Me, Role } from '@contracts';
import { makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { Spinner } from '../components/light-spinner';
import { createApiClient } from './api-client';
import { Tab, TabList } from './AreaTabs';
import { appText } from './messages';
import { allowedRoute, areaLabel, areasFor, hrefFor, parseRoute, routeForSubPage, type Area, type Route } from './routes';
import type { LoadOutcome } from './teams-session';

// Each area is its own download, fetched the first time someone opens it; the home view's is the first.
const LineOfSightPage = lazy(() => import('../features/line-of-sight/components/LineOfSightPage'));
const StrategyEditorPage = lazy(() => import('../features/strategy-editor/components/StrategyEditorPage'));
const TeamsPage = lazy(() => import('../features/teams/components/TeamsPage'));
const InsightsPage = lazy(() => import('../features/insights/components/InsightsPage'));
const ImportExportPanel = lazy(() => import('../features/import-export/components/ImportExportPanel'));
const OnboardingPage = lazy(() => import('../features/onboarding/components/OnboardingPage'));
const OnboardingAdminPage = lazy(() => import('../features/onboarding-admin/components/OnboardingAdminPage'));
const FirstRunPage = lazy(() => import('../features/signup/components/FirstRunPage'));
const MomentsPage = lazy(() => import('../features/moments/components/MomentsPage'));
const AlignmentPage = lazy(() => import('../features/alignment/components/AlignmentPage'));
const CoachingPage = lazy(() => import('../features/coaching/components/CoachingPage'));
const TaskSourcesPanel = lazy(() => import('../features/task-sources/components/TaskSourcesPanel'));
const PulsesPage = lazy(() => import('../features/pulses/components/PulsesPage'));
const TeamComparisonPage = lazy(() => import('../features/team-comparison/components/TeamComparisonPage'));
const DataRightsPage = lazy(() => import('../features/data-rights/components/DataRightsPage'));

const useStyles = makeStyles({
  nav: {
    boxSizing: 'border-box',
    maxWidth: '64rem',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} 0`,
    overflowX: 'auto',
  },
  loading: { display: 'grid', placeItems: 'center', padding: tokens.spacingVerticalXXL },
});

export interface PersonalShellProps {
  apiBaseUrl: string;
  getToken: () => Promise<string>;
  onFirstLoad: (outcome: LoadOutcome) => void;
  /** The context of the Teams deep link the tab was opened from (teams-js page.subPageId), '' without one. */
  deepLink?: string;
}

function useHashRoute(deepLink: string): Route {
  const [route, setRoute] = useState(() => {
    const landing = routeForSubPage(deepLink);
    // A deep link lands on its item when the tab opens; from there on the hash (and the back button) lead.
    if (landing && parseRoute(window.location.hash).area === 'home') {
      window.history.replaceState(null, '', hrefFor(landing.area, landing.params));
      return landing;
    }
    return parseRoute(window.location.hash);
  });
  useEffect(() => {
    const follow = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}

/** The personal tab: areas by role along the top, the home view first. */
export function PersonalShell({ apiBaseUrl, getToken, onFirstLoad, deepLink = '' }: PersonalShellProps) {
  const styles = useStyles();
  const t = appText.useText();
  const client = useMemo(() => createApiClient({ baseUrl: apiBaseUrl, getToken }), [apiBaseUrl, getToken]);
  // The error reporter is loaded after the first paint: it is not part of the home view's download.
  useEffect(() => {
    let stop: (() => void) | undefined;
    let left = false;
    void import('./error-reporter').then(({ installErrorReporter }) => {
      if (!left) stop = installErrorReporter(client);
    });
    return () => {
      left = true;
      stop?.();
    };
  }, [client]);
  // Roles come with the home view (`me.roles`, token roles and roles granted in the app); the server still guards every write.
  const [me, setMe] = useState<Me | null>(null);
  const roles: Role[] | null = me?.roles ?? null;
  // An import changes the map under the editor: counting imports tells the editor to load it again.
  const [imports, setImports] = useState(0);
  // Tasks brought in or synced from Planner / To Do: the home view loads again.
  const [broughtIn, setBroughtIn] = useState(0);
  const taskSourcesChanged = useCallback(() => setBroughtIn((count) => count + 1), []);
  const route = allowedRoute(useHashRoute(deepLink), roles);
  const areas = areasFor(roles ?? ['Employee']);
  // Someone who followed a link to a leader area before their roles were known still gets its tab.
  const shown = areas.includes(route.area) ? areas : [...areas, route.area];

  // The organisation hasn't set up yet (the home view said so): the first run takes the whole tab until it has.
  const [firstRun, setFirstRun] = useState(false);
  const [homeLoads, setHomeLoads] = useState(0);
  const showFirstRun = useCallback(() => setFirstRun(true), []);
  const openApp = useCallback(() => {
    setFirstRun(false);
    setHomeLoads((count) => count + 1);
    window.location.hash = hrefFor('home');
  }, []);

  const go = (area: Area) => {
    window.location.hash = hrefFor(area);
  };

  const areaLoading = (
    <div className={styles.loading} role="status">
      <Spinner label={t('openingArea', { area: areaLabel(route.area) })} />
    </div>
  );

  if (firstRun) {
    return (
      <Suspense fallback={areaLoading}>
        <FirstRunPage client={client} onOnboarded={openApp} />
      </Suspense>
    );
  }

  return (
    <>
      <nav className={styles.nav} aria-label={t('areasNav')}>
        <TabList selectedValue={route.area} onTabSelect={(_, data) => go(data.value as Area)} size="medium">
          {shown.map((area) => (
            <Tab key={area} value={area}>
              {areaLabel(area)}
            </Tab>
          ))}
        </TabList>
      </nav>
      <Suspense fallback={areaLoading}>
        {route.area === 'home' && (
          <LineOfSightPage key={homeLoads} apiBaseUrl={apiBaseUrl} getToken={getToken} onFirstLoad={onFirstLoad} onMe={setMe} onNotOnboarded={showFirstRun} reloadAfter={broughtIn}>
            <Suspense fallback={null}>
              <TaskSourcesPanel client={client} onChanged={taskSourcesChanged} />
            </Suspense>
          </LineOfSightPage>
        )}
        {route.area === 'strategy' && (
          <StrategyEditorPage client={client} params={route.params} onFirstLoad={onFirstLoad} reloadAfter={imports}>
            <ImportExportPanel client={client} onImported={() => setImports((count) => count + 1)} />
          </StrategyEditorPage>
        )}
        {route.area === 'teams' && <TeamsPage client={client} params={route.params} myTeamName={me?.teamName} isAdmin={roles?.includes('Admin') === true} myId={me?.id} onFirstLoad={onFirstLoad} />}
        {route.area === 'insights' && <InsightsPage client={client} onFirstLoad={onFirstLoad} />}
        {route.area === 'onboarding' && <OnboardingPage client={client} params={route.params} onFirstLoad={onFirstLoad} />}
        {route.area === 'onboarding-admin' && <OnboardingAdminPage client={client} params={route.params} onFirstLoad={onFirstLoad} />}
        {route.area === 'moments' && <MomentsPage key={JSON.stringify(route.params)} client={client} params={route.params} myId={me?.id} onFirstLoad={onFirstLoad} />}
        {route.area === 'alignment' && <AlignmentPage client={client} params={route.params} onFirstLoad={onFirstLoad} />}
        {route.area === 'coaching' && <CoachingPage client={client} isAdmin={roles?.includes('Admin') === true} onFirstLoad={onFirstLoad} />}
        {route.area === 'compare' && <TeamComparisonPage client={client} isAdmin={roles?.includes('Admin') === true} onFirstLoad={onFirstLoad} />}
        {route.area === 'data' && <DataRightsPage client={client} myId={me?.id} onFirstLoad={onFirstLoad} />}
        {route.area === 'pulses' && <PulsesPage client={client} apiBaseUrl={apiBaseUrl} params={route.params} leads={roles?.includes('Leader') === true || roles?.includes('Admin') === true} onFirstLoad={onFirstLoad} />}
      </Suspense>
    </>
  );
}
