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
import type { HistoryEntry } from '../api/schemas';
import { describeEntry, versionName } from '../history-text';

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
  /** "the organisation" or the strategy's title. */
  subjectName: string;
  /** A page of entries, newest first; `cursor` is the previous page's `next` (null for the first page). */
  load(cursor: string | null, signal?: AbortSignal): Promise<{ entries: HistoryEntry[]; next: string | null }>;
  restore(entry: HistoryEntry): Promise<SaveOutcome>;
  /** `restored`: the version that was restored, if one was. */
  onClose(changed: boolean, restored?: HistoryEntry): void;
  /** A person's name from their id, for owner changes. */
  nameOf?: (id: string) => string | undefined;
}

type Loaded = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; entries: HistoryEntry[]; next: string | null };

/** Who changed what, newest first, with a way back to any earlier version (which is itself logged). */
export default function HistoryDrawer({ subjectName, load, restore, onClose, nameOf }: Props) {
  const styles = useStyles();
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
      setLoaded({ status: 'ready', entries: [...loaded.entries, ...page.entries], next: page.next });
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
        ? `${outcome.recentChanges[0]?.actor.displayName ?? 'Someone else'} changed it meanwhile, so nothing was restored. Close the history to load their version, then restore again if needed.`
        : (outcome.message ?? 'That version could not be restored.'),
    );
  };

  return (
    <OverlayDrawer open position="end" size="medium" onOpenChange={(_, data) => !data.open && onClose(false)}>
      <DrawerHeader>
        <DrawerHeaderTitle
          action={<Button appearance="subtle" aria-label="Close history" icon={<DismissRegular />} onClick={() => onClose(false)} />}
        >
          History of {subjectName}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        {problem && (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>{problem}</MessageBarBody>
          </MessageBar>
        )}
        {loaded.status === 'loading' && <Spinner size="small" label="Loading history…" />}
        {loaded.status === 'error' && (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>{whatWentWrong(loaded.error)}</MessageBarBody>
          </MessageBar>
        )}
        {loaded.status === 'ready' && loaded.entries.length === 0 && <Body1>No changes recorded yet.</Body1>}
        {loaded.status === 'ready' && loaded.entries.length > 0 && (
          <ol className={styles.list} aria-label={`Changes to ${subjectName}, newest first`}>
            {loaded.entries.map((entry, index) => {
              const { headline, changes } = describeEntry(entry, nameOf);
              return (
                <li key={entry.id} className={styles.entry}>
                  <Body1>
                    <strong>{headline}</strong>
                  </Body1>
                  <Caption1>
                    {entry.actor.displayName} · <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time>
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
                        Restore this version
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
              Show older changes
            </Button>
          </div>
        )}
      </DrawerBody>
      {confirming && (
        <FormDialog
          title={`Restore ${subjectName}?`}
          submitLabel="Restore this version"
          busy={restoring !== null}
          error={confirmError}
          onSubmit={() => restoreEntry(confirming)}
          onClose={() => setConfirming(null)}
          confirm
          layout="message"
          size="narrow"
        >
          <p>
            {subjectName === 'the organisation' ? 'The organisation' : `“${subjectName}”`} goes back to {versionName(confirming)}. What it says now stays
            in the history, so you can come back to it.
          </p>
        </FormDialog>
      )}
    </OverlayDrawer>
  );
}
