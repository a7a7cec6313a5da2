/**
 * First page of the consent pop-up Teams opens (authentication.authenticate): sends the person to
 * Entra's consent page for the scopes the API asked for, coming back to consent-end.html.
 * Only an https Entra authority, or a loopback one (the local fake), is followed.
 */
import { CONSENT_TEXT } from './consent-text';
import { speakPage } from './page-language';

const words = speakPage(CONSENT_TEXT);
document.title = words.title;
const note = document.querySelector('p');
if (note) note.textContent = words.openingSignIn;
const params = new URLSearchParams(window.location.search);
const target = (() => {
  try {
    const url = new URL(params.get('authorizeUrl') ?? '');
    const trusted = url.protocol === 'https:' ? url.hostname === 'login.microsoftonline.com' : ['127.0.0.1', 'localhost'].includes(url.hostname);
    return trusted && url.pathname.endsWith('/oauth2/v2.0/authorize') ? url : undefined;
  } catch {
    return undefined;
  }
})();

if (target) {
  target.searchParams.set('redirect_uri', new URL('consent-end.html', window.location.href).toString());
  target.searchParams.set('login_hint', params.get('loginHint') ?? '');
  target.searchParams.set('state', params.get('state') ?? '');
  target.searchParams.set('prompt', 'consent');
  window.location.assign(target.toString());
} else {
  if (note) note.textContent = words.invalidSignIn;
}
