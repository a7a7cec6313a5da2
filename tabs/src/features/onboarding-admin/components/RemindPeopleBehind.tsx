import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { Alert16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import type { RemindPeopleBehindResult } from '../../../../../api/src/shared/onboarding-remind-contracts';
import { cohortsApi } from '../api/onboarding-admin-api';
import { adminText } from '../messages';

const useStyles = makeStyles({
  remind: { display: 'grid', gap: tokens.spacingVerticalS, justifyItems: 'start' },
});

/** What happened, in words: how many were reminded now, and how many had been reminded today already. */
export function remindedText(result: RemindPeopleBehindResult): string {
  const t = adminText.text;
  if (result.behind === 0) return t('remind.nobodyBehind');
  if (result.reminded === 0) return t('remind.noneAgain');
  return result.alreadyRemindedToday > 0
    ? t('remind.remindedAlready', { count: result.reminded, already: result.alreadyRemindedToday })
    : t('remind.reminded', { count: result.reminded });
}

/** "Remind the people behind": one press reminds everyone behind (not only the ones named here), once a day at most. */
export function RemindPeopleBehind({ client, cohortId, moduleId, behind }: { client: ApiClient; cohortId: string; moduleId: string; behind: number }) {
  const t = adminText.useText();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  const remind = async () => {
    setBusy(true);
    try {
      setOutcome({ intent: 'success', text: remindedText(await cohortsApi.remindBehind(client, cohortId, moduleId)) });
    } catch (error) {
      setOutcome({ intent: 'error', text: t('remind.failed', { reason: whatWentWrong(error) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.remind}>
      <Button icon={<Alert16Regular />} disabled={busy || behind === 0} onClick={() => void remind()}>
        {busy ? t('remind.busy') : t('remind.button', { count: behind })}
      </Button>
      <div role="status">
        {outcome && (
          <MessageBar intent={outcome.intent} layout="multiline">
            <MessageBarBody>{outcome.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </div>
  );
}
