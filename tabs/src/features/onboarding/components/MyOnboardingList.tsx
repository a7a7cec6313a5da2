import {
  Badge,
  Body1,
  Caption1,
  Card,
  Link,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Title3,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useCallback } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { usePageStyles } from '../../../components/page-styles';
import { whatWentWrong } from '../../../app/error-text';
import { hrefFor } from '../../../app/routes';
import type { LoadOutcome } from '../../../app/teams-session';
import { useLoaded } from '../../../app/use-loaded';
import type { MyAssignment } from '../../../../../api/src/shared/onboarding-learner-contracts';
import { loadMyOnboarding } from '../api/onboarding-api';
import { byUrgency } from '../next-module';
import { onboardingText } from '../messages';
import { assignmentProgress, dueText } from '../progress-text';

const useStyles = makeStyles({
  page: { overflowWrap: 'anywhere' },
  heading: { margin: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  card: { display: 'grid', gap: tokens.spacingVerticalS, overflowWrap: 'anywhere' },
  overdue: { borderInlineStartWidth: tokens.strokeWidthThickest, borderInlineStartStyle: 'solid', borderInlineStartColor: tokens.colorPaletteRedBorder2 },
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  overdueText: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const STATUS_COLOUR: Record<MyAssignment['status'], 'success' | 'informative' | 'subtle'> = {
  completed: 'success',
  in_progress: 'informative',
  not_started: 'subtle',
};

function AssignmentCard({ assignment }: { assignment: MyAssignment }) {
  const t = onboardingText.useText();
  const styles = useStyles();
  const progress = assignmentProgress(assignment);
  const late = assignment.overdue && assignment.status !== 'completed';
  return (
    <Card className={`${styles.card} ${late ? styles.overdue : ''}`}>
      <div className={styles.top}>
        <Link className={styles.title} dir="auto" href={hrefFor('onboarding', { assignment: assignment.assignmentId })}>
          {assignment.title}
        </Link>
        <Badge appearance="tint" color={STATUS_COLOUR[assignment.status]}>
          {t('status', { status: assignment.status })}
        </Badge>
      </div>
      {assignment.summary && <Body1 dir="auto">{assignment.summary}</Body1>}
      <div className={styles.meta}>
        <Caption1 className={late ? styles.overdueText : undefined}>{dueText(assignment)}</Caption1>
        <Caption1>{t('minutes', { minutes: assignment.estimatedMinutes })}</Caption1>
      </div>
      <ProgressBar
        value={progress.fraction}
        color={assignment.status === 'completed' ? 'success' : late ? 'error' : 'brand'}
        thickness="large"
        aria-label={t('progressOn', { title: assignment.title })}
        aria-valuetext={progress.text}
      />
      <Caption1>{progress.text}</Caption1>
    </Card>
  );
}

/** The modules assigned to me, due first, with how far I've got. */
export function MyOnboardingList({ client, onFirstLoad }: { client: ApiClient; onFirstLoad?: ((outcome: LoadOutcome) => void) | undefined }) {
  const t = onboardingText.useText();
  const styles = useStyles();
  const layout = usePageStyles();
  const load = useCallback((signal: AbortSignal) => loadMyOnboarding(client, signal), [client]);
  const { state } = useLoaded(load, onFirstLoad);
  const assignments = state.status === 'ready' ? [...state.data.assignments].sort(byUrgency) : [];

  return (
    <main className={mergeClasses(layout.page, styles.page)}>
      <Title3 as="h1" className={styles.heading}>
        {t('title')}
      </Title3>
      {state.status === 'loading' && <Spinner label={t('loading')} />}
      {state.status === 'error' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{t('loadFailed', { reason: whatWentWrong(state.error) })}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'ready' && assignments.length === 0 && (
        <Body1 as="p">{t('empty')}</Body1>
      )}
      {assignments.length > 0 && (
        <ul className={styles.list} aria-label={t('assigned')}>
          {assignments.map((assignment) => (
            <li key={assignment.assignmentId}>
              <AssignmentCard assignment={assignment} />
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
