/**
 * Rules of the two small pages of the admin-consent round trip (pure, tested directly):
 * consent-start.html sends the Teams authentication window on to Microsoft Entra's admin-consent
 * page (Teams opens only pages of the app's own domain); consent-complete.html is where Entra sends
 * the admin back, and reports the outcome to the tab through Teams (authentication.notifySuccess).
 */
import { CONSENT_TEXT, type ConsentWords } from './consent-text';

const ENTRA_AUTHORITIES = ['https://login.microsoftonline.com', 'https://login.microsoftonline.us'];
const CONSENT_PATH = /^\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/v2\.0\/adminconsent$/i;
const isLoopback = (url: URL) => ['localhost', '127.0.0.1'].includes(url.hostname);

/**
 * Where consent-start may go: an admin-consent page of Microsoft Entra ID, or — only when this page
 * itself runs on this machine (local development with the fake Entra ID) — one on this machine.
 */
export function consentTarget(to: string | null, here: string): URL | undefined {
  if (!to) return undefined;
  let target: URL;
  try {
    target = new URL(to);
  } catch {
    return undefined;
  }
  if (!CONSENT_PATH.test(target.pathname) || target.username || target.password) return undefined;
  if (ENTRA_AUTHORITIES.includes(target.origin)) return target;
  return isLoopback(new URL(here)) && isLoopback(target) ? target : undefined;
}

export type ConsentOutcome = { ok: true; result: string } | { ok: false; reason: string };

/** What Entra's redirect says: granted (with the state to match), or why not, in `words`' language (Entra's own description as it came). */
export function consentOutcome(search: string, words: Pick<ConsentWords, 'denied' | 'unknown'> = CONSENT_TEXT.en): ConsentOutcome {
  const params = new URLSearchParams(search);
  if (params.get('admin_consent')?.toLowerCase() === 'true') {
    return { ok: true, result: JSON.stringify({ state: params.get('state') ?? '', tenant: params.get('tenant') ?? '' }) };
  }
  const error = params.get('error');
  return { ok: false, reason: error === 'access_denied' ? words.denied : (params.get('error_description') ?? error ?? words.unknown) };
}
