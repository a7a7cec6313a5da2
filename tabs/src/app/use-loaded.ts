import { useCallback, useEffect, useRef, useState } from 'react';
import type { LoadOutcome } from './teams-session';

export type Loaded<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: T; refreshing: boolean };

/** Loads once, reloads on demand keeping the last picture on screen, and reports the first outcome to Teams. */
export function useLoaded<T>(load: (signal: AbortSignal) => Promise<T>, onFirstLoad?: (outcome: LoadOutcome) => void) {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const inFlight = useRef<AbortController | null>(null);
  const reported = useRef(false);

  const reload = useCallback(async () => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setState((current) => (current.status === 'ready' ? { ...current, refreshing: true } : { status: 'loading' }));
    try {
      const data = await load(controller.signal);
      if (!controller.signal.aborted) setState({ status: 'ready', data, refreshing: false });
    } catch (error) {
      if (!controller.signal.aborted) setState({ status: 'error', error });
    }
  }, [load]);

  useEffect(() => {
    void reload();
    return () => inFlight.current?.abort();
  }, [reload]);

  useEffect(() => {
    if (reported.current || state.status === 'loading' || !onFirstLoad) return;
    reported.current = true;
    onFirstLoad(state.status === 'error' ? { ok: false, reason: 'other', message: String(state.error) } : { ok: true });
  }, [state, onFirstLoad]);

  return { state, reload };
}
