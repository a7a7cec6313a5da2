import { authentication } from '@microsoft/teams-js';

const WIDTH = 600;
const HEIGHT = 640;

/**
 * Opens Teams' authentication window at `url` and resolves with what the page there passed to
 * authentication.notifySuccess (rejects with its notifyFailure reason, or when the person closed it).
 * teams-js opens https pages only; in Teams the tab is https already (the local Teams host page maps
 * its own pages back to http, tabs/dev-host/auth-popup.ts).
 */
export function openAuthenticationWindow(url: string): Promise<string> {
  const absolute = new URL(url, window.location.href);
  absolute.protocol = 'https:';
  return authentication.authenticate({ url: absolute.href, width: WIDTH, height: HEIGHT });
}
