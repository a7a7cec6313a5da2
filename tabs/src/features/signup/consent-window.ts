import { authentication } from '@microsoft/teams-js';

const WIDTH = 600;
const HEIGHT = 640;
let nextId = 1_000_000;

/**
 * Opens Teams' authentication window at `url` and resolves with what the page there passed to
 * authentication.notifySuccess (rejects with its notifyFailure reason, or when the person closed it).
 *
 * teams-js refuses any URL that is not https before it asks the host; Teams always serves the tab
 * over https, but the local Teams host page runs on http://localhost. There the tab sends the very
 * message teams-js would send ('authentication.authenticate'), and the host answers it the same way.
 */
export function openAuthenticationWindow(url: string): Promise<string> {
  const absolute = new URL(url, window.location.href);
  if (absolute.protocol === 'https:') return authentication.authenticate({ url: absolute.href, width: WIDTH, height: HEIGHT });
  return new Promise((resolve, reject) => {
    const id = (nextId += 1);
    const uuidAsString = crypto.randomUUID();
    const onReply = (event: MessageEvent) => {
      const data = event.data as { uuidAsString?: unknown; args?: unknown[] } | null;
      if (event.source !== window.parent || event.origin !== window.location.origin || data?.uuidAsString !== uuidAsString) return;
      window.removeEventListener('message', onReply);
      const [ok, result] = data.args ?? [];
      if (ok === true) resolve(String(result));
      else reject(new Error(String(result ?? 'The window was closed.')));
    };
    window.addEventListener('message', onReply);
    window.parent.postMessage({ id, uuidAsString, func: 'authentication.authenticate', args: [absolute.href, WIDTH, HEIGHT, false] }, window.location.origin);
  });
}
