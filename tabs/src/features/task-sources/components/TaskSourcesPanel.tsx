import { taskSourceKindSchema, type AvailableSourceTasks, type Problem, type TaskSourceKind, type TaskSourceStatus } from '@contracts';
import { makeStyles, tokens } from '@fluentui/react-components';
import { Button } from '../../../components/light-button';
import { Body1, Caption1, Subtitle1, Subtitle2 } from '../../../components/light-text';
import { ArrowDownloadRegular, PlugDisconnectedRegular } from '@fluentui/react-icons';
import { Suspense, lazy, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, type ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { Spinner } from '../../../components/light-spinner';
import { Switch } from '../../../components/light-switch';
import { MessageBar, MessageBarActions, MessageBarBody } from '../../../components/message-bar';
import { TaskSourcesHintContext } from '../../../components/task-sources-hint';
import { createTaskSourcesApi } from '../api/task-sources-api';
import { formatDateTime } from '../../../i18n';
import { askForConsent, consentSentence } from '../consent';
import { taskSourcesText } from '../messages';

const BringInDialog = lazy(() => import('./TaskSourceDialogs').then((module) => ({ default: module.BringInDialog })));
const DisconnectDialog = lazy(() => import('./TaskSourceDialogs').then((module) => ({ default: module.DisconnectDialog })));

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  sources: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))', gap: tokens.spacingHorizontalM },
  card: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, minWidth: 0,
    borderRadius: tokens.borderRadiusLarge, backgroundColor: tokens.colorNeutralBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Open = { kind: 'bring-in'; source: TaskSourceKind; available: AvailableSourceTasks } | { kind: 'disconnect'; source: TaskSourceStatus } | null;
type Ask = { source: TaskSourceKind; consent: NonNullable<Problem['consent']>; then: () => Promise<void> } | null;

/** A source as the hint knows it before any request: not connected (consent is asked when it is needed). */
const notConnected = (kind: TaskSourceKind): TaskSourceStatus => ({
  kind, connected: false, consent: 'granted', writeBack: false, containerIds: [], singleTasks: 0, importedTasks: 0, lastSyncAt: null, syncPending: false,
});

/** "3 tasks brought in · synced 2 Dec 2026, 09:00 · sync continues shortly", in the person's language. */
function connectedText(source: TaskSourceStatus): string {
  const count = source.importedTasks;
  const status = source.lastSyncAt
    ? taskSourcesText.text('connectedSynced', { count, when: formatDateTime(source.lastSyncAt) })
    : taskSourcesText.text('connected', { count });
  return source.syncPending ? taskSourcesText.text('syncPending', { status }) : status;
}

interface Props {
  client: ApiClient;
  /** Tasks were brought in, synced or removed: the line of sight loads again. */
  onChanged(): void;
}

/** Planner and To Do: bring tasks in, ask for consent through Teams, write-back, disconnect. Syncs once when the tab opens, if a source is connected. */
export default function TaskSourcesPanel({ client, onChanged }: Props) {
  const t = taskSourcesText.useText();
  const styles = useStyles();
  const api = useMemo(() => createTaskSourcesApi(client), [client]);
  const [sources, setSources] = useState<TaskSourceStatus[] | null>(null);
  const [message, setMessage] = useState<{ intent: 'success' | 'warning' | 'error'; text: string } | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [ask, setAsk] = useState<Ask>(null);
  const [working, setWorking] = useState<string | null>(null);
  const synced = useRef(false);
  // The home view's response already says whether sources are offered and which are connected:
  // without a connected one there is nothing to sync, and the status is read when it is needed.
  const hint = useContext(TaskSourcesHintContext);

  const refresh = useCallback(async () => setSources(await api.status()), [api]);

  useEffect(() => {
    if (synced.current) return;
    synced.current = true;
    if (hint && !hint.offered) {
      setSources([]);
      return;
    }
    if (hint && hint.connected.length === 0) {
      setSources(taskSourceKindSchema.options.map(notConnected));
      return;
    }
    void (async () => {
      try {
        const outcomes = await api.sync();
        if (outcomes.some((outcome) => outcome.created + outcome.updated + outcome.removedAtSource > 0)) onChanged();
        await refresh();
      } catch (error) {
        setMessage({ intent: 'error', text: whatWentWrong(error) });
      }
    })();
  }, [api, refresh, onChanged, hint]);

  /** Runs an action; a missing consent turns into the ask, which retries the action once granted. */
  const act = async (label: string, source: TaskSourceKind, action: () => Promise<void>) => {
    setMessage(null);
    setWorking(label);
    try {
      await action();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'consent_required' && error.problem?.consent) setAsk({ source, consent: error.problem.consent, then: action });
      else setMessage({ intent: 'error', text: whatWentWrong(error) });
    } finally {
      setWorking(null);
    }
  };

  const allow = async () => {
    if (!ask) return;
    const pending = ask;
    setAsk(null);
    try {
      await askForConsent(pending.consent);
    } catch {
      setMessage({ intent: 'warning', text: t('nothingShared', { source: pending.source }) });
      return;
    }
    await act('retry', pending.source, pending.then);
  };

  const bringIn = (source: TaskSourceKind) => act(`bring-in-${source}`, source, async () => setOpen({ kind: 'bring-in', source, available: await api.available(source) }));
  const setWriteBack = (source: TaskSourceStatus, on: boolean) =>
    act(`write-back-${source.kind}`, source.kind, async () => {
      await api.setWriteBack(source.kind, on);
      await refresh();
      setMessage({ intent: 'success', text: t(on ? 'writeBackOn' : 'writeBackOff', { source: source.kind }) });
    });

  // This API has no Microsoft Graph registration: nothing to offer, nothing to show.
  if (sources?.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="task-sources-heading">
      <Subtitle1 as="h2" id="task-sources-heading" className={styles.heading}>
        {t('heading')}
      </Subtitle1>
      <div role="status" aria-live="polite">
        {message && (
          <MessageBar intent={message.intent} layout="multiline">
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
        {ask && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{consentSentence(ask.source, ask.consent.scopes)}</MessageBarBody>
            <MessageBarActions>
              <Button appearance="primary" onClick={() => void allow()}>
                {t('allow')}
              </Button>
              <Button onClick={() => setAsk(null)}>{t('notNow')}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>
      {!sources && !message && <Spinner size="small" label={t('checking')} />}
      {sources && (
        <div className={styles.sources}>
          {sources.map((source) => (
            <div key={source.kind} className={styles.card} data-testid={`source-${source.kind}`}>
              <Subtitle2 as="h3">{t('name', { source: source.kind })}</Subtitle2>
              <Body1>
                {source.connected
                  ? connectedText(source)
                  : source.consent === 'required'
                    ? t('notConnectedConsent')
                    : t('notConnected')}
              </Body1>
              {source.connected && (
                <Switch
                  checked={source.writeBack}
                  disabled={working !== null}
                  label={t('writeBack', { source: source.kind })}
                  onChange={(_, data) => void setWriteBack(source, data.checked)}
                />
              )}
              <div className={styles.actions}>
                <Button appearance="primary" icon={working === `bring-in-${source.kind}` ? <Spinner size="tiny" /> : <ArrowDownloadRegular />} disabled={working !== null} onClick={() => void bringIn(source.kind)}>
                  {t('bringIn', { source: source.kind })}
                </Button>
                {source.connected && (
                  <Button icon={<PlugDisconnectedRegular />} disabled={working !== null} onClick={() => setOpen({ kind: 'disconnect', source })}>
                    {t('disconnect')}
                  </Button>
                )}
              </div>
              {source.consent === 'required' && <Caption1>{consentSentence(source.kind, ['Tasks.Read'])}</Caption1>}
            </div>
          ))}
        </div>
      )}
      <Suspense fallback={null}>
        {open?.kind === 'bring-in' && (
          <BringInDialog
            kind={open.source}
            available={open.available}
            onClose={() => setOpen(null)}
            bringIn={async (choice) => {
              await api.bringIn(open.source, choice);
              await refresh();
              onChanged();
              setMessage({ intent: 'success', text: t('broughtIn', { source: open.source }) });
            }}
          />
        )}
        {open?.kind === 'disconnect' && (
          <DisconnectDialog
            kind={open.source.kind}
            importedTasks={open.source.importedTasks}
            onClose={() => setOpen(null)}
            disconnect={async (choice) => {
              await api.disconnect(open.source.kind, choice);
              await refresh();
              onChanged();
              setMessage({ intent: 'success', text: t('disconnected', { source: open.source.kind }) });
            }}
          />
        )}
      </Suspense>
    </section>
  );
}
