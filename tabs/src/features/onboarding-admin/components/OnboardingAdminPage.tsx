import { Tab, TabList, Title3, makeStyles, mergeClasses } from '@fluentui/react-components';
import type { ApiClient } from '../../../app/api-client';
import { usePageStyles } from '../../../components/page-styles';
import { hrefFor } from '../../../app/routes';
import type { LoadOutcome } from '../../../app/teams-session';
import { CohortsView } from './CohortsView';
import { DashboardView } from './DashboardView';
import { DeadLettersView } from './DeadLettersView';
import { ModulesView } from './ModulesView';
import { adminText } from '../messages';

const useStyles = makeStyles({
  page: { overflowWrap: 'anywhere' },
  heading: { margin: 0 },
  views: { overflowX: 'auto' },
});

const VIEWS = ['modules', 'cohorts', 'dashboard', 'notifications'] as const;
type View = (typeof VIEWS)[number];

export interface OnboardingAdminPageProps {
  client: ApiClient;
  /** `view` picks the part; `module` and `cohort` point at the item open in it. */
  params: Readonly<Record<string, string>>;
  onFirstLoad?: (outcome: LoadOutcome) => void;
}

/** Leaders' onboarding: author modules, build cohorts and assign, follow completion, retry failed notifications. */
export default function OnboardingAdminPage({ client, params, onFirstLoad }: OnboardingAdminPageProps) {
  const t = adminText.useText();
  const styles = useStyles();
  const layout = usePageStyles();
  const view: View = params.view && (VIEWS as readonly string[]).includes(params.view) ? (params.view as View) : 'modules';
  const go = (next: Record<string, string | undefined>) => {
    window.location.hash = hrefFor('onboarding-admin', next);
  };

  return (
    <main className={mergeClasses(layout.page, styles.page)}>
      <Title3 as="h1" className={styles.heading}>
        {t('page.title')}
      </Title3>
      <div className={styles.views}>
        <TabList aria-label={t('page.parts')} selectedValue={view} onTabSelect={(_, data) => go({ view: String(data.value) })} size="small">
          {VIEWS.map((key) => (
            <Tab key={key} value={key}>
              {t(`view.${key}`)}
            </Tab>
          ))}
        </TabList>
      </div>
      {view === 'modules' && <ModulesView client={client} moduleId={params.module} onOpen={(module) => go({ view, module })} onFirstLoad={onFirstLoad} />}
      {view === 'cohorts' && <CohortsView client={client} cohortId={params.cohort} onOpen={(cohort) => go({ view, cohort })} onFirstLoad={onFirstLoad} />}
      {view === 'dashboard' && (
        <DashboardView client={client} cohortId={params.cohort} moduleId={params.module} onPick={(cohort, module) => go({ view, cohort, module })} onFirstLoad={onFirstLoad} />
      )}
      {view === 'notifications' && <DeadLettersView client={client} onFirstLoad={onFirstLoad} />}
    </main>
  );
}
