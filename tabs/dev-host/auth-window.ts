/**
 * The local host's side of Teams' authentication window (`authentication.authenticate`): it opens
 * the page the tab asks for in a popup, answers teams-js in that popup (`initialize` with the
 * 'authentication' frame context), and hands what the popup reports (`authentication.authenticate.
 * success` / `.failure`) back to the tab as the answer to its request; closing the popup is a failure.
 */
import { initializeReply, type TabRequest } from './host-protocol';

export interface AuthWindowHost {
  /** The tab asked to authenticate. */
  open(request: TabRequest, answer: (args: unknown[]) => void): void;
  /** A message from the popup; true when it was the popup's. */
  handle(event: MessageEvent, note: (text: string) => void): boolean;
}

export function createAuthWindowHost(): AuthWindowHost {
  let popup: Window | null = null;
  let pending: ((args: unknown[]) => void) | null = null;
  let watch: number | undefined;

  const settle = (args: unknown[]) => {
    window.clearInterval(watch);
    const answer = pending;
    pending = null;
    answer?.(args);
  };

  return {
    open(request, answer) {
      if (pending) settle([false, 'Another sign-in window replaced this one.']);
      const [url, width, height] = (request.args ?? []) as [string, number?, number?];
      const target = new URL(String(url), window.location.href);
      popup = window.open(target.href, 'los-authentication', `popup,width=${width ?? 600},height=${height ?? 640}`);
      if (!popup) return answer([false, 'The window was blocked.']);
      pending = answer;
      watch = window.setInterval(() => {
        if (popup?.closed) settle([false, 'CancelledByUser']);
      }, 500);
    },
    handle(event, note) {
      if (!popup || event.source !== popup || event.origin !== window.location.origin) return false;
      const data = event.data as TabRequest;
      note(`auth window → ${data.func}`);
      if (data.func === 'initialize') {
        popup.postMessage({ id: data.id, uuidAsString: data.uuidAsString, args: initializeReply('authentication') }, window.location.origin);
      } else if (data.func === 'authentication.authenticate.success') {
        settle([true, data.args?.[0]]);
      } else if (data.func === 'authentication.authenticate.failure') {
        settle([false, data.args?.[0]]);
      }
      return true;
    },
  };
}
