import type { LineOfSight } from '@contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../app/api-client';
import type { LoadOutcome } from '../../../app/teams-session';
import type { LineOfSightApi } from '../api/line-of-sight-api';

export type LineOfSightState =
  | { status: 'loading' }
  | { status: 'error'; error: Error }
  | { status: 'ready'; data: LineOfSight; refreshing: boolean };

/** How the first load went, for Teams: sign-in problems are AuthFailed, the rest Other. */
export function loadOutcomeOf(error: Error | null): LoadOutcome {
  // An organisation that hasn't set up yet gets the first-run page: the tab loaded fine.
  if (!error || (error instanceof ApiError && error.code === 'tenant_not_onboarded')) return { ok: true };
  const auth = error instanceof ApiError && (error.kind === 'sign-in' || error.status === 401);
  return { ok: false, reason: auth ? 'auth' : 'other', message: error.message };
}

/**
 * Loads the home view and reloads it on demand. A reload keeps the current picture on screen
 * (`refreshing`) so the page doesn't flash; only the very first load shows the skeleton.
 */
export function useLineOfSight(api: LineOfSightApi, onFirstLoad: (outcome: LoadOutcome) => void) {
  const [state, setState] = useState<LineOfSightState>({ status: 'loading' });
  const inFlight = useRef<AbortController | null>(null);
  const firstReported = useRef(false);

  const reload = useCallback(async () => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setState((current) => (current.status === 'ready' ? { ...current, refreshing: true } : { status: 'loading' }));
    try {
      const data = await api.load(controller.signal);
      if (!controller.signal.aborted) setState({ status: 'ready', data, refreshing: false });
    } catch (error) {
      if (!controller.signal.aborted) setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
    }
  }, [api]);

  useEffect(() => {
    void reload();
    return () => inFlight.current?.abort();
  }, [reload]);

  // Report after the first outcome is on screen, not before: Teams drops its spinner then.
  useEffect(() => {
    if (firstReported.current || state.status === 'loading') return;
    firstReported.current = true;
    onFirstLoad(loadOutcomeOf(state.status === 'error' ? state.error : null));
  }, [state, onFirstLoad]);

  return { state, reload };
}
