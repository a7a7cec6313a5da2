import { Body1, Button, Field, MessageBar, MessageBarBody, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownload16Regular } from '@fluentui/react-icons';
import { useCallback, useMemo, useState } from 'react';
import { PagedPicker } from '../../../components/PagedPicker';
import { ApiError, type ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import type { LoadOutcome } from '../../../app/teams-session';
import { useLoaded } from '../../../app/use-loaded';
import { cohortsApi, modulesApi } from '../api/onboarding-admin-api';
import { DashboardFigures } from './DashboardFigures';
import { DashboardPeople } from './DashboardPeople';
import { DashboardPeopleBehind } from './DashboardPeopleBehind';
import { RemindPeopleBehind } from './RemindPeopleBehind';
import { adminText } from '../messages';

const useStyles = makeStyles({
  view: { display: 'grid', gap: tokens.spacingVerticalL, minWidth: 0 },
  pickers: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalM },
  picker: { flex: '1 1 14rem', minWidth: 0 },
});

export interface DashboardViewProps {
  client: ApiClient;
  cohortId: string | undefined;
  moduleId: string | undefined;
  onPick: (cohortId: string | undefined, moduleId: string | undefined) => void;
  onFirstLoad?: ((outcome: LoadOutcome) => void) | undefined;
}

/** Completion per cohort and module: the funnel, questions people get wrong first, who is behind, and a CSV. */
export function DashboardView({ client, cohortId, moduleId, onPick, onFirstLoad }: DashboardViewProps) {
  const t = adminText.useText();
  const styles = useStyles();
  const loadChoices = useCallback(
    async (signal: AbortSignal) => {
      const [cohorts, modules] = await Promise.all([cohortsApi.list(client, signal), modulesApi.list(client, signal)]);
      return { cohorts, modules };
    },
    [client],
  );
  const choices = useLoaded(loadChoices, onFirstLoad).state;
  const cohorts = choices.status === 'ready' ? choices.data.cohorts : [];
  const modules = choices.status === 'ready' ? choices.data.modules : [];
  const cohort = cohortId ?? cohorts[0]?.id;
  const module = moduleId ?? modules.find((candidate) => candidate.latestVersionId !== null)?.id;

  const loadDashboard = useCallback(
    (signal: AbortSignal) => (cohort && module ? cohortsApi.dashboard(client, cohort, module, signal) : Promise.resolve(null)),
    [client, cohort, module],
  );
  const dashboard = useLoaded(loadDashboard).state;
  const findCohorts = useMemo(() => cohortsApi.search(client), [client]);
  const cohortName = cohorts.find((candidate) => candidate.id === cohort)?.name ?? (dashboard.status === 'ready' ? dashboard.data?.cohortName : undefined) ?? '';
  const [exportProblem, setExportProblem] = useState<string | null>(null);

  const exportCsv = async () => {
    if (!cohort || !module) return;
    try {
      const { blob, filename } = await cohortsApi.exportDashboard(client, cohort, module);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = filename ?? 'onboarding-completion.csv';
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      setExportProblem(null);
    } catch (error) {
      setExportProblem(t('dashboard.exportFailed', { reason: whatWentWrong(error) }));
    }
  };

  return (
    <section className={styles.view} aria-label={t('dashboard.region')}>
      {choices.status === 'loading' && <Spinner label={t('dashboard.loadingChoices')} />}
      {choices.status === 'error' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{t('dashboard.choicesFailed', { reason: whatWentWrong(choices.error) })}</MessageBarBody>
        </MessageBar>
      )}
      {choices.status === 'ready' && (cohorts.length === 0 || modules.length === 0) && (
        <Body1 as="p">{t('dashboard.empty')}</Body1>
      )}
      {cohort && module && (
        <div className={styles.pickers}>
          <Field className={styles.picker} label={t('dashboard.cohort')}>
            <PagedPicker
              fetchPage={findCohorts}
              toOption={(candidate) => ({ id: candidate.id, label: candidate.name })}
              selected={{ id: cohort, label: cohortName }}
              onSelect={(picked) => picked && onPick(picked.id, module)}
              noun={{ one: t('noun.cohort'), many: t('noun.cohorts') }}
              placeholder={t('dashboard.cohortPlaceholder')}
            />
          </Field>
          <Field className={styles.picker} label={t('dashboard.module')}>
            <Select value={module} onChange={(_, data) => onPick(cohort, data.value)}>
              {modules.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.content.title}
                </option>
              ))}
            </Select>
          </Field>
          <Button icon={<ArrowDownload16Regular />} onClick={() => void exportCsv()}>
            {t('dashboard.export')}
          </Button>
        </div>
      )}
      {exportProblem && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{exportProblem}</MessageBarBody>
        </MessageBar>
      )}
      {cohort && module && dashboard.status === 'loading' && <Spinner label={t('dashboard.working')} />}
      {dashboard.status === 'error' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            {dashboard.error instanceof ApiError && dashboard.error.status === 404
              ? t('dashboard.notAssigned')
              : t('dashboard.failed', { reason: whatWentWrong(dashboard.error) })}
          </MessageBarBody>
        </MessageBar>
      )}
      {dashboard.status === 'ready' && dashboard.data && (
        <>
          <DashboardFigures dashboard={dashboard.data} />
          {cohort && module && <DashboardPeopleBehind client={client} cohortId={cohort} moduleId={module} dashboard={dashboard.data} />}
          {cohort && module && (
            <RemindPeopleBehind
              key={`${cohort}|${module}`}
              client={client}
              cohortId={cohort}
              moduleId={module}
              behind={dashboard.data.behind}
            />
          )}
          {cohort && module && <DashboardPeople client={client} cohortId={cohort} moduleId={module} />}
        </>
      )}
    </section>
  );
}
