import { useCallback, useEffect, useRef, useState } from 'react';

/** One page as the list routes answer it (issue 13: `?q=&limit=&cursor=` → items and `nextCursor`). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageParams {
  q: string;
  cursor: string | null;
  limit: number;
}

export type FetchPage<T> = (params: PageParams, signal: AbortSignal) => Promise<Page<T>>;

export interface PagedSearch<T> {
  /** What is typed in the search box (the list follows it after a short pause). */
  query: string;
  setQuery(query: string): void;
  /** The search the items answer (the debounced `query`, trimmed). */
  searched: string;
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  items: T[];
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): Promise<void>;
  /** Loads the first pages again, as many items as are shown (after a change the lists should show). */
  reload(): Promise<void>;
}

const PAUSE_MS = 300;

/**
 * A list searched and paged on the server: typing waits for a pause before asking, a newer search
 * cancels the older one, "load more" follows the cursor. The items shown always answer `searched`.
 * Nothing is asked while `enabled` is false (a picker not opened yet). `initial` is the unsearched
 * first page when it came with the view (the channel tab's line of sight): it is shown, not asked for again.
 */
export function usePagedSearch<T>(fetchPage: FetchPage<T>, pageSize = 25, enabled = true, initial?: Page<T>): PagedSearch<T> {
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState('');
  const [state, setState] = useState<{ status: 'loading' | 'ready' | 'error'; error: unknown; items: T[]; cursor: string | null }>(() =>
    initial ? { status: 'ready', error: null, items: initial.items, cursor: initial.nextCursor } : { status: 'loading', error: null, items: [], cursor: null },
  );
  // Which list `initial` answers; forgotten once the list is asked for (a search, another list).
  const given = useRef<FetchPage<T> | null>(initial ? fetchPage : null);
  const [loadingMore, setLoadingMore] = useState(false);
  const inFlight = useRef<AbortController | null>(null);
  const shown = useRef(0);
  shown.current = state.items.length;

  useEffect(() => {
    const timer = setTimeout(() => setSearched(query.trim()), query.trim() === searched ? 0 : PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query, searched]);

  const loadFirst = useCallback(
    async (atLeast: number) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setState((current) => ({ ...current, status: current.status === 'ready' && atLeast > 0 ? 'ready' : 'loading', error: null }));
      try {
        const items: T[] = [];
        let cursor: string | null = null;
        // A reload refetches as many items as were shown, so the one just changed stays in view.
        do {
          const page: Page<T> = await fetchPage({ q: searched, cursor, limit: Math.min(100, Math.max(pageSize, atLeast - items.length)) }, controller.signal);
          items.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor !== null && items.length < atLeast);
        if (!controller.signal.aborted) setState({ status: 'ready', error: null, items, cursor });
      } catch (error) {
        if (!controller.signal.aborted) setState({ status: 'error', error, items: [], cursor: null });
      }
    },
    [fetchPage, searched, pageSize],
  );

  useEffect(() => {
    if (!enabled || (given.current === fetchPage && searched === '')) return;
    given.current = null;
    void loadFirst(0);
    return () => inFlight.current?.abort();
  }, [loadFirst, enabled, fetchPage, searched]);

  const loadMore = useCallback(async () => {
    if (state.cursor === null || loadingMore) return;
    const controller = new AbortController();
    inFlight.current = controller;
    setLoadingMore(true);
    try {
      const page = await fetchPage({ q: searched, cursor: state.cursor, limit: pageSize }, controller.signal);
      if (!controller.signal.aborted) setState((current) => ({ ...current, items: [...current.items, ...page.items], cursor: page.nextCursor }));
    } catch (error) {
      if (!controller.signal.aborted) setState((current) => ({ ...current, status: 'error', error }));
    } finally {
      setLoadingMore(false);
    }
  }, [fetchPage, searched, pageSize, state.cursor, loadingMore]);

  const reload = useCallback(() => loadFirst(shown.current), [loadFirst]);

  return { query, setQuery, searched, status: state.status, error: state.error, items: state.items, hasMore: state.cursor !== null, loadingMore, loadMore, reload };
}
