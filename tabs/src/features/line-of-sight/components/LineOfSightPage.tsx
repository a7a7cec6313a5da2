import type { LineOfSight, Me, Task } from '@contracts';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Button } from '../../../components/light-button';
import { AddRegular, DismissRegular } from '@fluentui/react-icons';
import { Suspense, lazy, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, createApiClient } from '../../../app/api-client';
import { Spinner } from '../../../components/light-spinner';
import { Body1 } from '../../../components/light-text';
import { MessageBar, MessageBarActions, MessageBarBody } from '../../../components/message-bar';
import { usePageStyles } from '../../../components/page-styles';
import { useRestoreFocusTarget } from '../../../components/restore-focus';
import { TaskSourcesHintContext } from '../../../components/task-sources-hint';
import type { LoadOutcome } from '../../../app/teams-session';
import { createLineOfSightApi } from '../api/line-of-sight-api';
import { useLineOfSight } from '../hooks/use-line-of-sight';
import { useRevealTask } from '../hooks/use-reveal-task';
import { useTaskMutations } from '../hooks/use-task-mutations';
import { HomeSkeleton } from './HomeSkeleton';
import { LoadProblem } from './LoadProblem';
import { OrganisationOverview } from './OrganisationOverview';
import { StrategySection } from './StrategySection';
import { UnlinkedTasks } from './UnlinkedTasks';
import { WhatChangedNote } from './WhatChangedNote';
import { homeText } from '../messages';

// The dialogs are fetched on first use (or when a pointer/focus shows intent), not with the page.
const loadTaskDialog = () => import('./TaskDialog');
const loadRemoveTaskDialog = () => import('./RemoveTaskDialog');
const TaskDialog = lazy(loadTaskDialog);
const RemoveTaskDialog = lazy(loadRemoveTaskDialog);
const preloadDialogs = () => void Promise.all([loadTaskDialog(), loadRemoveTaskDialog()]).catch(() => undefined);

const hasTasks = (view: LineOfSight) => view.unlinkedTasks.length > 0 || view.strategies.some((s) => s.myTasks.length > 0);

type OpenDialog = { kind: 'add' } | { kind: 'edit'; task: Task } | { kind: 'remove'; task: Task } | null;

const useStyles = makeStyles({
  strategies: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0, ':focus': { outline: 'none' } },
  // The status line is always there (a live region must exist before it speaks); empty, it takes no room.
  status: { '&:empty': { marginBlockStart: `calc(-1 * ${tokens.spacingVerticalXL})` } },
  title3: { fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  strategiesHeader: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  empty: {
    margin: 0,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

export interface LineOfSightPageProps {
  apiBaseUrl: string;
  getToken: () => Promise<string>;
  onFirstLoad: (outcome: LoadOutcome) => void;
  /** Who is signed in (with their effective roles), once the home view has loaded. */
  onMe?: (me: Me) => void;
  /** The API says the person's organisation hasn't set Line of Sight up: the shell shows the first run instead. */
  onNotOnboarded?: () => void;
  /** Changes when tasks were brought in or synced from elsewhere: the view loads again. */
  reloadAfter?: number;
  /** Shown after my work and the other strategies (bringing tasks in from Planner and To Do); it reads the home view's hint about them from TaskSourcesHintContext. */
  children?: ReactNode;
}

/**
 * The home view, my work first: a compact header (the vision, the rest one click away), what changed
 * since I last dismissed it, my tasks grouped under the strategies they serve (each with where it
 * stands), then the strategies none of my tasks serve yet. Loading it is one request.
 */
export default function LineOfSightPage({ apiBaseUrl, getToken, onFirstLoad, onMe, onNotOnboarded, reloadAfter = 0, children }: LineOfSightPageProps) {
  const t = homeText.useText();
  const page = usePageStyles();
  const styles = useStyles();
  const api = useMemo(() => createLineOfSightApi(createApiClient({ baseUrl: apiBaseUrl, getToken })), [apiBaseUrl, getToken]);
  const { state, reload } = useLineOfSight(api, onFirstLoad);
  const { notice, announce, dismissNotice, highlight, createTask, updateTask, removeTask, toggleDone, unlinkSource } = useTaskMutations(api, reload);
  useRevealTask(highlight, state.status === 'ready' && !state.refreshing);
  const highlightedTaskId = highlight?.taskId ?? null;
  const taskActions = { onToggleDone: (task: Task) => void toggleDone(task), onUnlinkSource: (task: Task) => void unlinkSource(task) };
  useEffect(() => {
    if (reloadAfter > 0) void reload();
  }, [reloadAfter, reload]);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const restoreFocusHere = useRestoreFocusTarget();
  const addButton = useRef<HTMLButtonElement>(null);
  const refocusAfterReload = useRef(false);
  const myWorkHeading = useRef<HTMLHeadingElement>(null);
  const [changesDismissed, setChangesDismissed] = useState(false);

  const notOnboarded = state.status === 'error' && state.error instanceof ApiError && state.error.code === 'tenant_not_onboarded';
  useEffect(() => {
    if (notOnboarded) onNotOnboarded?.();
  }, [notOnboarded, onNotOnboarded]);

  const me = state.status === 'ready' ? state.data.me : null;
  useEffect(() => {
    if (me) onMe?.(me);
  }, [me, onMe]);

  // "What changed" stays (reloads, other tabs) until dismissed; only then is the visit recorded, up to
  // when the shown changes were read. If that fails, the note comes back: nothing was recorded.
  const changesAsOf = state.status === 'ready' ? state.data.changesAsOf : undefined;
  const dismissChanges = () => {
    setChangesDismissed(true);
    myWorkHeading.current?.focus();
    if (!changesAsOf) return;
    void api.recordVisit(changesAsOf).catch(() => {
      setChangesDismissed(false);
      announce({ intent: 'warning', text: homeText.text('changes.recordFailed') });
    });
  };

  // A removed task takes its buttons with it; once the page shows that, keep keyboard users on the page.
  useEffect(() => {
    if (!refocusAfterReload.current || state.status !== 'ready' || state.refreshing) return;
    refocusAfterReload.current = false;
    const frame = requestAnimationFrame(() => {
      const focused = document.activeElement;
      if (!focused || focused === document.body || !focused.isConnected) addButton.current?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [state]);

  const removeThenRefocus = async (task: Task) => {
    const result = await removeTask(task);
    if (result.kind !== 'rejected') refocusAfterReload.current = true;
    return result;
  };

  const strategies = state.status === 'ready' ? state.data.strategies : [];
  const served = strategies.filter((strategy) => strategy.myTasks.length > 0);
  const others = strategies.filter((strategy) => strategy.myTasks.length === 0);

  const closeDialog = () => setDialog(null);
  const edit = (task: Task) => setDialog({ kind: 'edit', task });
  const remove = (task: Task) => setDialog({ kind: 'remove', task });

  return (
    <main className={page.page} aria-busy={state.status === 'ready' && state.refreshing}>
      {state.status === 'loading' && <HomeSkeleton />}
      {state.status === 'error' && <LoadProblem error={state.error} onRetry={() => void reload()} />}
      {state.status === 'ready' && (
        <>
          <OrganisationOverview organisation={state.data.organisation} me={state.data.me} tenant={state.data.tenant} />
          {!changesDismissed && <WhatChangedNote changes={state.data.changesSinceLastVisit ?? []} onDismiss={dismissChanges} />}
          <div role="status" aria-live="polite" aria-atomic="true" className={styles.status}>
            {notice && (
              <MessageBar intent={notice.intent} layout="multiline">
                <MessageBarBody>{notice.text}</MessageBarBody>
                <MessageBarActions
                  containerAction={
                    <Button appearance="transparent" aria-label={t('dismissMessage')} icon={<DismissRegular />} onClick={dismissNotice} />
                  }
                />
              </MessageBar>
            )}
          </div>
          <section className={styles.strategies} aria-labelledby="my-work-heading">
            <div className={styles.strategiesHeader}>
              {/* A plain h2 (Title3 takes no ref): focus lands here when the "what changed" note is dismissed. */}
              <h2 id="my-work-heading" ref={myWorkHeading} tabIndex={-1} className={mergeClasses(styles.heading, styles.title3)}>
                {t('myWork')}
              </h2>
              {state.refreshing && <Spinner size="tiny" label={t('updating')} />}
              <Button
                {...restoreFocusHere}
                ref={addButton}
                appearance="primary"
                icon={<AddRegular />}
                onClick={() => setDialog({ kind: 'add' })}
                onPointerEnter={preloadDialogs}
                onFocus={preloadDialogs}
              >
                {t('addTask')}
              </Button>
            </div>
            {!hasTasks(state.data) && (
              <Body1 as="p" className={styles.empty}>
                {t('noTasks')}
              </Body1>
            )}
            {served.map((strategy) => (
              <StrategySection key={strategy.id} strategy={strategy} highlightedTaskId={highlightedTaskId} onEdit={edit} onRemove={remove} onIntent={preloadDialogs} {...taskActions} />
            ))}
            <UnlinkedTasks tasks={state.data.unlinkedTasks} highlightedTaskId={highlightedTaskId} onEdit={edit} onRemove={remove} onIntent={preloadDialogs} {...taskActions} />
          </section>
          <section className={styles.strategies} aria-labelledby="other-strategies-heading">
            <h2 id="other-strategies-heading" className={mergeClasses(styles.heading, styles.title3)}>
              {served.length > 0 ? t('otherStrategies') : t('ourStrategies')}
            </h2>
            {state.data.strategies.length === 0 && (
              <Body1 as="p">
                {t('noStrategies')}
              </Body1>
            )}
            {others.map((strategy) => (
              <StrategySection key={strategy.id} strategy={strategy} onEdit={edit} onRemove={remove} onIntent={preloadDialogs} {...taskActions} />
            ))}
          </section>
          <TaskSourcesHintContext.Provider value={state.data.taskSources}>{children}</TaskSourcesHintContext.Provider>
          <Suspense fallback={null}>
            {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
              <TaskDialog
                task={dialog.kind === 'edit' ? dialog.task : null}
                strategies={state.data.strategies}
                createTask={createTask}
                updateTask={updateTask}
                onClose={closeDialog}
              />
            )}
            {dialog?.kind === 'remove' && <RemoveTaskDialog task={dialog.task} removeTask={removeThenRefocus} onClose={closeDialog} />}
          </Suspense>
        </>
      )}
    </main>
  );
}
