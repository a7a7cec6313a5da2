import { Body1, Button, Caption1, MessageBar, MessageBarBody, Spinner, Subtitle1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeft16Regular, ArrowRight16Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import { activeDirection, formatDateTime } from '../../../i18n';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { useLoaded } from '../../../app/use-loaded';
import type { Cohort } from '../../../../../api/src/shared/onboarding-cohort-contracts';
import { cohortsApi, modulesApi } from '../api/onboarding-admin-api';
import { formatDay } from '../format';
import { AddPeople } from './AddPeople';
import { AssignForm } from './AssignForm';
import { CohortMembers } from './CohortMembers';
import { MemberImport } from './MemberImport';
import { adminText } from '../messages';

const useStyles = makeStyles({
  detail: { display: 'grid', gap: tokens.spacingVerticalL, minWidth: 0 },
  heading: { margin: 0 },
  part: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXS },
});

/** One cohort: its people (added one by one, from a CSV or an Entra group) and its assignments. */
export function CohortDetail({ client, cohortId, onBack }: { client: ApiClient; cohortId: string; onBack: () => void }) {
  const t = adminText.useText();
  const styles = useStyles();
  const load = useCallback(
    async (signal: AbortSignal) => {
      const [cohort, modules] = await Promise.all([cohortsApi.get(client, cohortId, {}, signal), modulesApi.list(client, signal)]);
      return { cohort, modules };
    },
    [client, cohortId],
  );
  const { state, reload } = useLoaded(load);
  const [cohort, setCohort] = useState<Cohort | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (state.status === 'ready') setCohort(state.data.cohort);
  }, [state]);

  /** Another page of the people (or a search), keeping the rest of the cohort as shown. */
  const showPage = async (offset: number, search: string) => {
    setBusy(true);
    try {
      setCohort(await cohortsApi.get(client, cohortId, { offset, search }));
      setProblem(null);
    } catch (error) {
      setProblem(whatWentWrong(error));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (userId: string) => {
    try {
      await cohortsApi.removeMember(client, cohortId, userId);
      setProblem(null);
      const page = cohort?.memberPage;
      // Stay on the page being looked at (or the one before, if this was its last person).
      const offset = page && cohort.members.length === 1 ? Math.max(0, page.offset - page.limit) : (page?.offset ?? 0);
      await showPage(offset, page?.search ?? '');
    } catch (error) {
      setProblem(whatWentWrong(error));
    }
  };

  const back = (
    <div>
      <Button appearance="subtle" icon={activeDirection() === 'rtl' ? <ArrowRight16Regular /> : <ArrowLeft16Regular />} onClick={onBack}>
        {t('cohort.back')}
      </Button>
    </div>
  );
  if (state.status === 'loading' || (state.status === 'ready' && !cohort)) return <>{back}<Spinner label={t('cohort.loading')} /></>;
  if (state.status === 'error' || !cohort) {
    return (
      <>
        {back}
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{t('cohort.loadFailed', { reason: state.status === 'error' ? whatWentWrong(state.error) : '' })}</MessageBarBody>
        </MessageBar>
      </>
    );
  }

  return (
    <section className={styles.detail} aria-labelledby="cohort-heading">
      {back}
      <Subtitle1 as="h2" id="cohort-heading" className={styles.heading} dir="auto">
        {cohort.name}
      </Subtitle1>
      {problem && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <section className={styles.part} aria-labelledby="members-heading">
        <Subtitle2 as="h3" id="members-heading" className={styles.heading}>
          {t('cohort.people', { count: cohort.memberCount })}
        </Subtitle2>
        <CohortMembers key={`${cohort.memberPage.search}|${cohort.memberCount}`} cohort={cohort} busy={busy} onPage={(offset, search) => void showPage(offset, search)} onRemove={(userId) => void remove(userId)} />
        <AddPeople client={client} cohort={cohort} onChanged={setCohort} />
        <MemberImport client={client} cohort={cohort} onChanged={setCohort} />
      </section>
      <section className={styles.part} aria-labelledby="assign-heading">
        <Subtitle2 as="h3" id="assign-heading" className={styles.heading}>
          {t('cohort.assign')}
        </Subtitle2>
        <AssignForm client={client} cohort={cohort} modules={state.data.modules} onAssigned={() => void reload()} />
        {cohort.assignments.length > 0 && (
          <ul className={styles.list} aria-label={t('cohort.assignmentsOf', { name: cohort.name })}>
            {cohort.assignments.map((assignment) => (
              <li key={assignment.id}>
                <Body1 dir="auto">{t('cohort.moduleVersion', { title: assignment.moduleTitle, version: assignment.version })}</Body1>{' '}
                <Caption1>
                  {assignment.startAt
                    ? t('cohort.dueStarts', { due: formatDay(assignment.dueDate), start: formatDateTime(assignment.startAt), count: assignment.recipientCount })
                    : t('cohort.due', { due: formatDay(assignment.dueDate), count: assignment.recipientCount })}
                </Caption1>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
