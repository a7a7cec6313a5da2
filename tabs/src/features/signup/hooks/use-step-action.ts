import { signupDraftSchema, type SignupDraft } from '@contracts';
import { useCallback, useState } from 'react';
import { ApiError } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { signupText } from '../messages';

/** Words for the sign-up's own refusals; anything else is said the way the rest of the tab says it. */
export function signupErrorText(error: unknown): string {
  const { text } = signupText;
  if (error instanceof ApiError) {
    // Titles and details are the API's words, in the language the tab asked for (Accept-Language).
    if (error.code === 'consent_missing') {
      const title = error.problem?.title ?? text('error.consentMissing');
      return error.problem?.detail ? text('error.withDetail', { title, detail: error.problem.detail }) : title;
    }
    if (error.code === 'precondition_failed') return text('error.stale');
    if (error.code === 'validation_failed' || error.code === 'signup_incomplete' || error.code === 'import_invalid') {
      const fields = error.problem?.errors?.map((e) => e.message).join('; ');
      return fields ? text('error.fields', { title: error.problem?.title ?? text('error.checkForm'), fields }) : whatWentWrong(error);
    }
    if (error.code === 'graph_throttled' || error.code === 'graph_unavailable') return text('error.tryAgainSoon', { title: error.problem?.title ?? text('error.busy') });
  }
  return whatWentWrong(error);
}

/**
 * One action of a wizard step: busy while it runs, its error in words afterwards. A 412 hands the
 * draft as it now is to `onStale`, so the step shows the newer version instead of losing it.
 */
export function useStepAction(onStale: (draft: SignupDraft) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await action();
      } catch (caught) {
        setError(signupErrorText(caught));
        if (caught instanceof ApiError && caught.status === 412) {
          const current = signupDraftSchema.safeParse(caught.current);
          if (current.success) onStale(current.data);
        }
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [onStale],
  );
  return { busy, error, run, clearError: () => setError(null) };
}
