import { Body1, Button, MessageBar, MessageBarBody, Spinner, Subtitle1, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, ArrowClockwiseRegular } from '@fluentui/react-icons';
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { ActionToaster, useActionToast } from '../../../components/ActionToaster';
import { peoplePage } from '../../../components/people-page';
import { usePageStyles } from '../../../components/page-styles';
import { whatWentWrong } from '../../../app/error-text';
import { attemptSave } from '../../../app/save-outcome';
import type { LoadOutcome } from '../../../app/teams-session';
import { createStrategyEditorApi, type HistorySubject } from '../api/strategy-editor-api';
import type { EditableStrategy, HistoryEntry } from '../api/schemas';
import { versionOf } from '../history-text';
import { strategyEditorText } from '../messages';
import { useLoaded } from '../../../app/use-loaded';
import { useReorder } from '../hooks/use-reorder';
import { ArchivedStrategies } from './ArchivedStrategies';
import { OrganisationCard } from './OrganisationCard';
import { StrategyRow } from './StrategyRow';

const StrategyDialog = lazy(() => import('./StrategyDialog'));
const OrganisationDialog = lazy(() => import('./OrganisationDialog'));
const ArchiveDialog = lazy(() => import('./ArchiveDialog'));
const HistoryDrawer = lazy(() => import('./HistoryDrawer'));
const RestoreStrategyDialog = lazy(() => import('./RestoreStrategyDialog'));

const useStyles = makeStyles({
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  section: { display: 'grid', gap: tokens.spacingVerticalM },
});

type Open =
  | { kind: 'organisation' }
  | { kind: 'strategy'; strategy: EditableStrategy | null }
  | { kind: 'archive'; strategy: EditableStrategy }
  | { kind: 'restore'; strategy: EditableStrategy }
  | { kind: 'history'; subject: HistorySubject }
  | null;

const STRATEGY_FIELDS = ['title', 'why', 'customerImpact', 'ownerId', 'progress', 'measures'];
const ORGANISATION_FIELDS = ['name', 'vision', 'mission', 'values', 'differentiator'];

export interface StrategyEditorPageProps {
  client: ApiClient;
  /** `edit`: a strategy to open for editing, e.g. from an insights link. */
  params: Readonly<Record<string, string>>;
  onFirstLoad?: (outcome: LoadOutcome) => void;
  /** Changes when something else changed the map (an import): load it again. */
  reloadAfter?: number;
  /** More tools for the map, shown below it (import and export). */
  children?: ReactNode;
}

/** The Strategy area: leaders keep vision → strategies true. */
export default function StrategyEditorPage({ client, params, onFirstLoad, reloadAfter = 0, children }: StrategyEditorPageProps) {
  const page = usePageStyles();
  const styles = useStyles();
  const t = strategyEditorText.useText();
  const api = useMemo(() => createStrategyEditorApi(client), [client]);
  // Names come with what needs them (owners with the map, people in history with its page): no directory here.
  const load = useCallback(async (signal: AbortSignal) => ({ map: await api.load(signal) }), [api]);
  const { state, reload } = useLoaded(load, onFirstLoad);
  const findPeople = useMemo(() => peoplePage(client), [client]);
  const [open, setOpen] = useState<Open>(null);
  const toast = useActionToast();
  // The title a strategy was saved under (it may have just been renamed), for the confirmation.
  const savedTitle = useRef('');
  const active = useMemo(
    () => (state.status === 'ready' ? state.data.map.strategies.filter((s) => s.status === 'active').sort((a, b) => a.order - b.order) : []),
    [state],
  );
  const archived = state.status === 'ready' ? state.data.map.strategies.filter((s) => s.status === 'archived') : [];
  const announceMove = useCallback((text: string, failed: boolean) => toast(text, { intent: failed ? 'error' : 'success' }), [toast]);
  const { shown, busy, move } = useReorder(active, api.reorder, reload, announceMove);

  useEffect(() => {
    if (reloadAfter > 0) void reload();
  }, [reloadAfter, reload]);

  // A link from insights ("Edit <title>") opens that strategy straight away.
  const wanted = params.edit;
  useEffect(() => {
    if (!wanted || state.status !== 'ready') return;
    const strategy = state.data.map.strategies.find((s) => s.id === wanted);
    if (strategy) setOpen({ kind: 'strategy', strategy });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the link changes or the first load lands
  }, [wanted, state.status]);

  /** Closes what is open; after a change, says what was done (naming it) and loads the map again. */
  const close = (changed: boolean, done?: string, body?: string) => {
    setOpen(null);
    if (!changed) return;
    if (done) toast(done, body ? { body } : undefined);
    void reload();
  };


  return (
    <main className={page.page} aria-busy={state.status === 'ready' && state.refreshing}>
      <Title3 as="h1" className={page.heading}>
        {t('page.title')}
      </Title3>
      {state.status === 'loading' && <Spinner label={t('page.loading')} />}
      {state.status === 'error' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            {t('page.loadFailed', { why: whatWentWrong(state.error) })}{' '}
            <Button size="small" icon={<ArrowClockwiseRegular />} onClick={() => void reload()}>
              {t('page.tryAgain')}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      <ActionToaster />
      {state.status === 'ready' && (
        <>
          <OrganisationCard
            organisation={state.data.map.organisation}
            onEdit={() => setOpen({ kind: 'organisation' })}
            onHistory={() => setOpen({ kind: 'history', subject: { kind: 'organisation' } })}
          />
          <section className={styles.section} aria-labelledby="editor-strategies-heading">
            <div className={styles.header}>
              <Subtitle1 as="h2" id="editor-strategies-heading" className={page.heading}>
                {t('page.strategies')}
              </Subtitle1>
              {state.refreshing && <Spinner size="tiny" label={t('page.updating')} />}
              <Button appearance="primary" icon={<AddRegular />} onClick={() => setOpen({ kind: 'strategy', strategy: null })}>
                {t('page.add')}
              </Button>
            </div>
            {shown.length === 0 ? (
              <Body1 as="p">{t('page.none')}</Body1>
            ) : (
              <ol className={styles.list}>
                {shown.map((strategy, index) => (
                  <StrategyRow
                    key={strategy.id}
                    strategy={strategy}
                    position={index + 1}
                    total={shown.length}
                    busy={busy}
                    highlighted={strategy.id === wanted}
                    onEdit={() => setOpen({ kind: 'strategy', strategy })}
                    onMove={(delta) => void move(index, delta)}
                    onHistory={() => setOpen({ kind: 'history', subject: { kind: 'strategy', strategy } })}
                    onArchive={() => setOpen({ kind: 'archive', strategy })}
                  />
                ))}
              </ol>
            )}
          </section>
          <ArchivedStrategies strategies={archived} onRestore={(strategy) => setOpen({ kind: 'restore', strategy })} />
          <Suspense fallback={null}>
            {open?.kind === 'organisation' && (
              <OrganisationDialog
                organisation={state.data.map.organisation}
                save={(input, etag) => attemptSave(() => api.saveOrganisation(input, etag), ORGANISATION_FIELDS)}
                onClose={(changed, theirs) => close(changed, theirs ? t('toast.keptTheirsOrganisation') : t('toast.savedOrganisation'))}
              />
            )}
            {open?.kind === 'strategy' && (
              <StrategyDialog
                strategy={open.strategy}
                findPeople={findPeople}
                save={(input, etag) => {
                  savedTitle.current = input.title ?? open.strategy?.title ?? '';
                  return attemptSave(
                    () => (open.strategy ? api.updateStrategy(open.strategy.id, input, etag ?? open.strategy.etag) : api.createStrategy({ title: '', why: '', customerImpact: '', ...input })),
                    STRATEGY_FIELDS,
                  );
                }}
                onClose={(changed, theirs) =>
                  close(
                    changed,
                    theirs && open.strategy
                      ? t('toast.keptTheirsStrategy', { title: open.strategy.title })
                      : t(open.strategy ? 'toast.saved' : 'toast.added', { title: savedTitle.current }),
                  )
                }
              />
            )}
            {open?.kind === 'archive' && (
              <ArchiveDialog
                strategy={open.strategy}
                others={active.filter((s) => s.id !== open.strategy.id)}
                archive={(input) => attemptSave(() => api.archive(open.strategy, input), ['moveTasksTo'])}
                onClose={(changed, movedTo) =>
                  close(
                    changed,
                    t('toast.archived', { title: open.strategy.title }),
                    movedTo ? t('toast.tasksMoved', { title: movedTo }) : t('toast.tasksNeedLink'),
                  )
                }
              />
            )}
            {open?.kind === 'restore' && (
              <RestoreStrategyDialog
                strategy={open.strategy}
                restore={() => attemptSave(() => api.restore(open.strategy), [])}
                onClose={(changed) => close(changed, t('toast.restored', { title: open.strategy.title }), t('toast.restoredActive'))}
              />
            )}
            {open?.kind === 'history' && (
              <HistoryDrawer
                subjectTitle={open.subject.kind === 'organisation' ? null : open.subject.strategy.title}
                load={(cursor, signal) => api.history(open.subject, cursor, signal)}
                restore={(entry) => {
                  const etag = open.subject.kind === 'organisation' ? state.data.map.organisation.etag : open.subject.strategy.etag;
                  return attemptSave(() => api.restoreVersion(open.subject, entry, etag), []);
                }}
                onClose={(changed, restored?: HistoryEntry) =>
                  close(
                    changed,
                    open.subject.kind === 'organisation' ? t('toast.restoredOrganisation') : t('toast.restored', { title: open.subject.strategy.title }),
                    restored ? t('toast.backTo', versionOf(restored)) : undefined,
                  )
                }
              />
            )}
          </Suspense>
        </>
      )}
      {children}
    </main>
  );
}
