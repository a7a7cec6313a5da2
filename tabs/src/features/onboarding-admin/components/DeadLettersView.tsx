import { Body1, Button, Caption1, Card, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import type { LoadOutcome } from '../../../app/teams-session';
import { useLoaded } from '../../../app/use-loaded';
import { formatDateTime } from '../../../i18n';
import { deadLettersApi } from '../api/onboarding-admin-api';
import { adminText } from '../messages';

const useStyles = makeStyles({
  view: { display: 'grid', gap: tokens.spacingVerticalL, minWidth: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  card: { display: 'flex', flexDirection: 'row', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  info: { display: 'grid', gap: tokens.spacingVerticalXXS, minWidth: 0 },
});

/** Teams notifications that failed after every retry, with the reason, each can be sent again. */
export function DeadLettersView({ client, onFirstLoad }: { client: ApiClient; onFirstLoad?: ((outcome: LoadOutcome) => void) | undefined }) {
  const t = adminText.useText();
  const styles = useStyles();
  const load = useCallback((signal: AbortSignal) => deadLettersApi.list(client, signal), [client]);
  const { state, reload } = useLoaded(load, onFirstLoad);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const retry = async (id: string, who: string) => {
    setBusy(id);
    try {
      await deadLettersApi.retry(client, id);
      setProblem(null);
      setStatus(t('dead.sending', { who }));
      await reload();
    } catch (error) {
      setProblem(whatWentWrong(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className={styles.view} aria-label={t('view.notifications')}>
      {state.status === 'loading' && <Spinner label={t('dead.loading')} />}
      {(state.status === 'error' || problem) && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{state.status === 'error' ? t('dead.loadFailed', { reason: whatWentWrong(state.error) }) : problem}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'ready' && state.data.notifications.length === 0 && <Body1 as="p">{t('dead.none')}</Body1>}
      {state.status === 'ready' && state.data.total > state.data.notifications.length && (
        <Caption1>
          {t('dead.newest', { shown: state.data.notifications.length, total: state.data.total })}
        </Caption1>
      )}
      {state.status === 'ready' && state.data.notifications.length > 0 && (
        <ul className={styles.list} aria-label={t('dead.list')}>
          {state.data.notifications.map((item) => {
            const who = item.recipientName ?? item.recipientUserId;
            return (
              <li key={item.id}>
                <Card className={styles.card}>
                  <div className={styles.info}>
                    <Body1 dir="auto">{t('dead.what', { who, kind: item.kind, topic: item.topic })}</Body1>
                    <Caption1>
                      {[
                        t('dead.attempts', { count: item.attempts }),
                        ...(item.lastError ? [t('dead.lastError', { error: item.lastError })] : []),
                        ...(item.deadAt ? [t('dead.gaveUp', { when: formatDateTime(item.deadAt) })] : []),
                      ].join(' · ')}
                    </Caption1>
                  </div>
                  <Button disabled={busy !== null} onClick={() => void retry(item.id, who)} aria-label={t('dead.retryNamed', { who })}>
                    {t('dead.retry')}
                  </Button>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
      <div role="status" aria-live="polite">
        {status}
      </div>
    </section>
  );
}
