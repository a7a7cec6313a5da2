import { Body1, Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowRight20Regular } from '@fluentui/react-icons';
import { useCallback } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { hrefFor } from '../../../app/routes';
import { useLoaded } from '../../../app/use-loaded';
import { loadMyOnboarding } from '../api/onboarding-api';
import { nextAssignment } from '../next-module';
import { onboardingText } from '../messages';
import { dueText } from '../progress-text';

const useStyles = makeStyles({
  next: { display: 'grid', gap: tokens.spacingVerticalS, justifyItems: 'start' },
});

/** After completing a module: the next assigned one not yet finished, or a plain "that's all". */
export function NextModule({ client, currentAssignmentId }: { client: ApiClient; currentAssignmentId: string }) {
  const t = onboardingText.useText();
  const styles = useStyles();
  const load = useCallback((signal: AbortSignal) => loadMyOnboarding(client, signal), [client]);
  const { state } = useLoaded(load);
  if (state.status === 'loading') return <Spinner size="tiny" label={t('findingNext')} />;
  if (state.status === 'error') {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{t('nextFailed', { reason: whatWentWrong(state.error) })}</MessageBarBody>
      </MessageBar>
    );
  }
  const next = nextAssignment(state.data.assignments, currentAssignmentId);
  if (!next) {
    return (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>{t('allDone')}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div className={styles.next}>
      <Body1>
        {t('nextUp', { title: next.title, due: dueText(next) })}
      </Body1>
      <Button as="a" appearance="primary" icon={<ArrowRight20Regular />} iconPosition="after" href={hrefFor('onboarding', { assignment: next.assignmentId })}>
        {t('nextModule', { title: next.title })}
      </Button>
    </div>
  );
}
