import type { SignupDraft, SignupStatus } from '@contracts';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../app/api-client';
import type { SignupApi } from '../api/signup-api';

export type SignupState =
  | { kind: 'loading' }
  /** Not someone who can sign up: "ask your admin", with who can. */
  | { kind: 'ask-admin'; detail: string }
  /** The operator does not take this organisation (closed, or not on the list); no title: the page says "not available". */
  | { kind: 'refused'; title?: string; detail: string }
  | { kind: 'ready'; status: SignupStatus; draft: SignupDraft | null }
  | { kind: 'onboarded' }
  | { kind: 'error'; error: Error };

const REFUSALS = new Set(['signup_closed', 'tenant_not_allowed']);

export function stateFromError(error: unknown): SignupState {
  if (error instanceof ApiError && error.code === 'tenant_not_set_up') return { kind: 'ask-admin', detail: error.problem?.detail ?? '' };
  if (error instanceof ApiError && REFUSALS.has(error.code)) return { kind: 'refused', ...(error.problem?.title ? { title: error.problem.title } : {}), detail: error.problem?.detail ?? '' };
  return { kind: 'error', error: error instanceof Error ? error : new Error(String(error)) };
}

/** Where the sign-up stands, and the draft as the wizard last saved it. */
export function useSignup(api: SignupApi) {
  const [state, setState] = useState<SignupState>({ kind: 'loading' });

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      const status = await api.status(signal);
      if (signal?.aborted) return;
      setState(status.onboarded ? { kind: 'onboarded' } : { kind: 'ready', status, draft: status.draft });
    } catch (error) {
      if (!signal?.aborted) setState(stateFromError(error));
    }
  }, [api]);

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  /** The wizard saved a new version of the draft. */
  const saved = useCallback((draft: SignupDraft) => {
    setState((current) => (current.kind === 'ready' ? { ...current, draft } : current));
  }, []);

  const start = useCallback(async () => {
    try {
      saved(await api.start());
    } catch (error) {
      setState(stateFromError(error));
    }
  }, [api, saved]);

  return { state, reload: load, saved, start, setState };
}
