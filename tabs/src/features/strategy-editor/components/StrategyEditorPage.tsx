import { Body1, Button, MessageBar, MessageBarBody, Spinner, Subtitle1, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, ArrowClockwiseRegular } from '@fluentui/react-icons';
import { Suspense, lazy, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { peoplePage } from '../../../components/people-page';
import { usePageStyles } from '../../../components/page-styles';
import { whatWentWrong } from '../../../app/error-text';
import { attemptSave } from '../../../app/save-outcome';
import type { LoadOutcome } from '../../../app/teams-session';
import { createStrategyEditorApi, type HistorySubject } from '../api/strategy-editor-api';
import type { EditableStrategy } from '../api/schemas';
import { useLoaded } from '../../../app/use-loaded';
import { useReorder } from '../hooks/use-reorder';
import { ArchivedStrategies } from './ArchivedStrategies';
import { OrganisationCard } from './OrganisationCard';
import { StrategyRow } from './StrategyRow';

const StrategyDialog = lazy(() => import('./StrategyDialog'));
const OrganisationDialog = lazy(() => import('./OrganisationDialog'));
const ArchiveDialog = lazy(() => import('./ArchiveDialog'));
const HistoryDrawer = lazy(() => import('./HistoryDrawer'));

const useStyles = makeStyles({
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  section: { display: 'grid', gap: tokens.spacingVerticalM },
  // The live region is always there (so screen readers hear what lands in it) but takes no room while empty.
  live: { '&:empty': { marginTop: `calc(-1 * ${tokens.spacingVerticalXL})` } },
});

type Open =
  | { kind: 'organisation' }
  | { kind: 'strategy'; strategy: EditableStrategy | null }
  | { kind: 'archive'; strategy: EditableStrategy }
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
  const api = useMemo(() => createStrategyEditorApi(client), [client]);
  const load = useCallback(
    async (signal: AbortSignal) => {
      const [map, people] = await Promise.all([api.load(signal), api.people(signal).catch(() => [])]);
      return { map, people };
    },
    [api],
  );
  const { state, reload } = useLoaded(load, onFirstLoad);
  const findPeople = useMemo(() => peoplePage(client), [client]);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const active = useMemo(
    () => (state.status === 'ready' ? state.data.map.strategies.filter((s) => s.status === 'active').sort((a, b) => a.order - b.order) : []),
    [state],
  );
  const archived = state.status === 'ready' ? state.data.map.strategies.filter((s) => s.status === 'archived') : [];
  const { shown, busy, announcement, move } = useReorder(active, api.reorder, reload);

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

  const close = (changed: boolean, done?: string) => {
    setOpen(null);
    if (changed) void reload().then(() => done && setNotice(done));
  };

  return (
    <main className={page.page} aria-busy={state.status === 'ready' && state.refreshing}>
      <Title3 as="h1" className={page.heading}>
        Strategy
      </Title3>
      {state.status === 'loading' && <Spinner label="Loading the strategy map…" />}
      {state.status === 'error' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            We couldn't load the strategy map. {whatWentWrong(state.error)}{' '}
            <Button size="small" icon={<ArrowClockwiseRegular />} onClick={() => void reload()}>
              Try again
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      <div role="status" aria-live="polite" aria-atomic="true" className={styles.live}>
        {announcement ?? (notice && <MessageBar intent="success"><MessageBarBody>{notice}</MessageBarBody></MessageBar>)}
      </div>
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
                Strategies, in order of focus
              </Subtitle1>
              {state.refreshing && <Spinner size="tiny" label="Updating…" />}
              <Button appearance="primary" icon={<AddRegular />} onClick={() => setOpen({ kind: 'strategy', strategy: null })}>
                Add strategy
              </Button>
            </div>
            {shown.length === 0 ? (
              <Body1 as="p">No active strategies yet. Add the first one the organisation is focusing on.</Body1>
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
          <ArchivedStrategies
            strategies={archived}
            restore={(strategy) => attemptSave(() => api.restore(strategy), [])}
            onRestored={(strategy) => close(true, `Restored “${strategy.title}”.`)}
          />
          <Suspense fallback={null}>
            {open?.kind === 'organisation' && (
              <OrganisationDialog
                organisation={state.data.map.organisation}
                save={(input, etag) => attemptSave(() => api.saveOrganisation(input, etag), ORGANISATION_FIELDS)}
                onClose={(changed) => close(changed, 'Saved the vision, mission and values.')}
              />
            )}
            {open?.kind === 'strategy' && (
              <StrategyDialog
                strategy={open.strategy}
                findPeople={findPeople}
                save={(input, etag) =>
                  attemptSave(
                    () => (open.strategy ? api.updateStrategy(open.strategy.id, input, etag ?? open.strategy.etag) : api.createStrategy({ title: '', why: '', customerImpact: '', ...input })),
                    STRATEGY_FIELDS,
                  )
                }
                onClose={(changed) => close(changed, open.strategy ? `Saved “${open.strategy.title}”.` : 'Added the strategy.')}
              />
            )}
            {open?.kind === 'archive' && (
              <ArchiveDialog
                strategy={open.strategy}
                others={active.filter((s) => s.id !== open.strategy.id)}
                archive={(input) => attemptSave(() => api.archive(open.strategy, input), ['moveTasksTo'])}
                onClose={(changed) => close(changed, `Archived “${open.strategy.title}”.`)}
              />
            )}
            {open?.kind === 'history' && (
              <HistoryDrawer
                subjectName={open.subject.kind === 'organisation' ? 'the organisation' : open.subject.strategy.title}
                load={(cursor, signal) => api.history(open.subject, cursor, signal)}
                restore={(entry) => {
                  const etag = open.subject.kind === 'organisation' ? state.data.map.organisation.etag : open.subject.strategy.etag;
                  return attemptSave(() => api.restoreVersion(open.subject, entry, etag), []);
                }}
                onClose={(changed) => close(changed, 'Restored that version.')}
                nameOf={(id) => state.data.people.find((person) => person.id === id)?.displayName}
              />
            )}
          </Suspense>
        </>
      )}
      {children}
    </main>
  );
}
