/**
 * The host's side of authentication.authenticate, as Teams does it: opens the tab's pop-up page in a
 * window, answers the pop-up's teams-js (initialize in the "authentication" frame context), and
 * resolves the tab's request when the pop-up calls notifySuccess / notifyFailure, or is closed.
 */
import { initializeReply, isTabRequest, type TabRequest } from './host-protocol';

type Reply = (request: TabRequest, args: unknown[]) => void;

export function createAuthPopups(note: (text: string) => void) {
  let popup: Window | null = null;
  let pending: { request: TabRequest; reply: Reply } | undefined;
  let watch: number | undefined;

  function settle(args: unknown[]): void {
    if (!pending) return;
    const { request, reply } = pending;
    pending = undefined;
    window.clearInterval(watch);
    reply(request, args);
  }

  window.addEventListener('message', (event: MessageEvent) => {
    if (!popup || event.source !== popup || event.origin !== window.location.origin || !isTabRequest(event.data)) return;
    const message = event.data;
    note(`pop-up → ${message.func}`);
    const answer = (args: unknown[]) => popup?.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, window.location.origin);
    if (message.func === 'initialize') answer(initializeReply('authentication'));
    else if (message.func === 'authentication.authenticate.success') settle([true, message.args?.[0]]);
    else if (message.func === 'authentication.authenticate.failure') settle([false, message.args?.[0] ?? 'failed']);
  });

  return {
    /** authentication.authenticate: args are [url, width, height, isExternal]. */
    open(request: TabRequest, reply: Reply): void {
      const [requested, width, height] = (request.args ?? []) as [string, number?, number?];
      // teams-js asks for https; this local host serves its own pages over http only.
      const url = new URL(requested, window.location.href);
      if (url.host === window.location.host && window.location.protocol === 'http:') url.protocol = 'http:';
      if (pending) settle([false, 'Another sign-in window was opened']);
      pending = { request, reply };
      popup = window.open(url.toString(), 'los-authentication', `popup,width=${width ?? 600},height=${height ?? 535}`);
      if (!popup) return settle([false, 'The sign-in window was blocked']);
      // Closing the window without finishing is a cancellation, as in Teams.
      watch = window.setInterval(() => {
        if (popup?.closed) settle([false, 'CancelledByUser']);
      }, 500);
    },
  };
}
