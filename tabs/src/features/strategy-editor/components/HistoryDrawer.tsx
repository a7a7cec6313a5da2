import {
  Body1,
  Button,
  Caption1,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  MessageBar,
  MessageBarBody,
  OverlayDrawer,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { whatWentWrong } from '../../../app/error-text';
import type { SaveOutcome } from '../../../app/save-outcome';
import { FormDialog } from '../../../components/FormDialog';
import { FieldChangeView } from '../../../components/FieldChangeView';
import type { HistoryEntry, PersonNames } from '../api/schemas';
import { formatDateTime } from '../../../i18n';
import { describeEntry, versionOf } from '../history-text';
import { strategyEditorText } from '../messages';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  entry: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  changes: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS, overflowWrap: 'anywhere' },
  more: { paddingBlock: tokens.spacingVerticalM },
});

interface Props {
  /** The strategy's title, or null for the organisation. */
  subjectTitle: string | null;
  /** A page of entries, newest first, with the names of the people they name; `cursor` is the previous page's `next` (null for the first page). */
  load(cursor: string | null, signal?: AbortSignal): Promise<{ entries: HistoryEntry[]; next: string | null; names: PersonNames }>;
  restore(entry: HistoryEntry): Promise<SaveOutcome>;
  /** `restored`: the version that was restored, if one was. */
  onClose(changed: boolean, restored?: HistoryEntry): void;
}

type Loaded = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; entries: HistoryEntry[]; next: string | null; names: PersonNames };

/** Who changed what, newest first, with a way back to any earlier version (which is itself logged). */
export default function HistoryDrawer({ subjectTitle, load, restore, onClose }: Props) {
  const styles = useStyles();
  const t = strategyEditorText.useText();
  // One select per sentence: the organisation, or a strategy by its title.
  const subject = { subject: subjectTitle === null ? 'organisation' : 'strategy', title: subjectTitle ?? '' };
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [restoring, setRestoring] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [confirming, setConfirming] = useState<HistoryEntry | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);

  const loadRef = useRef(load); // the drawer loads its first page once, when it opens
  useEffect(() => {
    const controller = new AbortController();
    loadRef.current(null, controller.signal).then(
      (page) => setLoaded({ status: 'ready', ...page }),
      (error: unknown) => !controller.signal.aborted && setLoaded({ status: 'error', error }),
    );
    return () => controller.abort();
  }, []);

  const loadOlder = async () => {
    if (loaded.status !== 'ready' || !loaded.next) return;
    setLoadingMore(true);
    setProblem(null);
    try {
      const page = await load(loaded.next);
      setLoaded({ status: 'ready', entries: [...loaded.entries, ...page.entries], next: page.next, names: { ...loaded.names, ...page.names } });
    } catch (error) {
      setProblem(whatWentWrong(error));
    } finally {
      setLoadingMore(false);
    }
  };

  const restoreEntry = async (entry: HistoryEntry) => {
    setRestoring(entry.id);
    setConfirmError(null);
    const outcome = await restore(entry);
    setRestoring(null);
    if (outcome.kind === 'done') return onClose(true, entry);
    setConfirmError(
      outcome.kind === 'conflict'
        ? t('history.conflict', { name: outcome.recentChanges[0]?.actor.displayName ?? t('history.someoneElse') })
        : (outcome.message ?? t('history.restoreFailed')),
    );
  };

  return (
    <OverlayDrawer open position="end" size="medium" onOpenChange={(_, data) => !data.open && onClose(false)}>
      <DrawerHeader>
        <DrawerHeaderTitle
          action={<Button appearance="subtle" aria-label={t('history.close')} icon={<DismissRegular />} onClick={() => onClose(false)} />}
        >
          {t('history.title', subject)}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        {problem && (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>{problem}</MessageBarBody>
          </MessageBar>
        )}
        {loaded.status === 'loading' && <Spinner size="small" label={t('history.loading')} />}
        {loaded.status === 'error' && (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>{whatWentWrong(loaded.error)}</MessageBarBody>
          </MessageBar>
        )}
        {loaded.status === 'ready' && loaded.entries.length === 0 && <Body1>{t('history.none')}</Body1>}
        {loaded.status === 'ready' && loaded.entries.length > 0 && (
          <ol className={styles.list} aria-label={t('history.listLabel', subject)}>
            {loaded.entries.map((entry, index) => {
              const { headline, changes } = describeEntry(entry, (id) => loaded.names[id]);
              return (
                <li key={entry.id} className={styles.entry}>
                  <Body1 dir="auto">
                    <strong>{headline}</strong>
                  </Body1>
                  <Caption1>
                    {t('history.byline', { name: entry.actor.displayName })} <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  </Caption1>
                  {changes.length > 0 && (
                    <ul className={styles.changes}>
                      {changes.map((change) => (
                        <li key={change.field}>
                          <FieldChangeView change={change} />
                        </li>
                      ))}
                    </ul>
                  )}
                  {entry.after && index > 0 && (
                    <div>
                      <Button
                        size="small"
                        disabledFocusable={restoring !== null}
                        icon={restoring === entry.id ? <Spinner size="tiny" /> : undefined}
                        onClick={() => (setConfirmError(null), setConfirming(entry))}
                      >
                        {t('history.restoreThis')}
                      </Button>
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        )}
        {loaded.status === 'ready' && loaded.next && (
          <div className={styles.more}>
            <Button disabledFocusable={loadingMore} icon={loadingMore ? <Spinner size="tiny" /> : undefined} onClick={() => void loadOlder()}>
              {t('history.older')}
            </Button>
          </div>
        )}
      </DrawerBody>
      {confirming && (
        <FormDialog
          title={t('history.confirmTitle', subject)}
          submitLabel={t('history.restoreThis')}
          busy={restoring !== null}
          error={confirmError}
          onSubmit={() => restoreEntry(confirming)}
          onClose={() => setConfirming(null)}
          confirm
          layout="message"
          size="narrow"
        >
          <p>{t('history.confirmBody', { ...subject, ...versionOf(confirming) })}</p>
        </FormDialog>
      )}
    </OverlayDrawer>
  );
}
