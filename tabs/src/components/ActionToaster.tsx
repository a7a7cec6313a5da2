import { Toast, ToastBody, ToastTitle, Toaster, useToastController } from '@fluentui/react-components';
import { useCallback } from 'react';

// One toaster for the leader areas: each area renders <ActionToaster /> once (only one area is open
// at a time), and anything inside it confirms an action with useActionToast(). Lazily loaded with the
// areas, so it stays out of the home view's download.
const TOASTER_ID = 'leader-actions';

export function ActionToaster() {
  return <Toaster toasterId={TOASTER_ID} position="bottom-end" pauseOnHover pauseOnWindowBlur />;
}

export type ToastIntent = 'success' | 'error' | 'warning' | 'info';

/**
 * `confirm("Archived “Grow in Iberia”.")` says what an action did, naming it; errors stay longer.
 */
export function useActionToast(): (title: string, options?: { intent?: ToastIntent; body?: string }) => void {
  const { dispatchToast } = useToastController(TOASTER_ID);
  return useCallback(
    (title, options = {}) => {
      const intent = options.intent ?? 'success';
      dispatchToast(
        <Toast>
          <ToastTitle>{title}</ToastTitle>
          {options.body && <ToastBody>{options.body}</ToastBody>}
        </Toast>,
        { intent, timeout: intent === 'error' ? 10_000 : 6_000 },
      );
    },
    [dispatchToast],
  );
}
