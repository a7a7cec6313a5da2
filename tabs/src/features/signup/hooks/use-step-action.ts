import { signupDraftSchema, type SignupDraft } from '@contracts';
import { useCallback, useState } from 'react';
import { ApiError } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';

/** Words for the sign-up's own refusals; anything else is said the way the rest of the tab says it. */
export function signupErrorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'consent_missing') return `${error.problem?.title ?? 'Grant the permissions first'}. ${error.problem?.detail ?? ''}`.trim();
    if (error.code === 'precondition_failed') return 'Someone else changed the set-up meanwhile. Their version is shown now; check it and save again.';
    if (error.code === 'validation_failed' || error.code === 'signup_incomplete' || error.code === 'import_invalid') {
      const fields = error.problem?.errors?.map((e) => e.message).join('; ');
      return fields ? `${error.problem?.title ?? 'Check the form'}: ${fields}.` : whatWentWrong(error);
    }
    if (error.code === 'graph_throttled' || error.code === 'graph_unavailable') return `${error.problem?.title ?? 'Microsoft 365 is busy'}. Try again in a moment.`;
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
