/**
 * Why a notification could not be delivered, in words a leader can act on (the dead-letter view shows
 * them), each ending with Graph's own answer in brackets for whoever runs the app. Pure.
 */
import type { GraphAnswer } from './graph-http.js';

type Failure = Extract<GraphAnswer, { ok: false }>;

const detail = (failure: Pick<Failure, 'status' | 'code' | 'graphMessage' | 'message'>) =>
  failure.status ? `Graph ${failure.status}${failure.code ? ` ${failure.code}` : ''}${failure.graphMessage ? `: ${failure.graphMessage}` : ''}` : failure.message;

const withDetail = (reason: string, failure: Pick<Failure, 'status' | 'code' | 'graphMessage' | 'message'>) => `${reason} (${detail(failure)})`;

export const REASONS = {
  notInCatalog:
    'Line of Sight is not published to your organisation\'s Teams app catalog, so Teams cannot deliver its notifications. A Teams administrator publishes it (Teams admin center → Teams apps → Manage apps → Upload), then retry.',
  catalogUnreadable:
    'Line of Sight may not look itself up in your organisation\'s Teams app catalog. An administrator grants the app\'s permissions again (admin consent), then retry.',
  installNotAllowed:
    'Line of Sight may not install itself for this person, and Teams only notifies people who have the app. An administrator grants the app\'s permissions again (admin consent), or installs the app for everyone with a Teams app setup policy, then retry.',
  blockedByPolicy:
    'Your organisation\'s Teams app permission policy blocks Line of Sight for this person, so they cannot receive its notifications. A Teams administrator allows the app for them (Teams admin center → Teams apps → Permission policies), then retry.',
  accountDisabled: 'This person\'s account is disabled in your organisation\'s directory, so Teams cannot notify them. Retry once the account is enabled again.',
  personNotFound: 'This person is no longer in your organisation\'s directory (the account was deleted), so Teams cannot notify them.',
  appGone: 'Line of Sight is no longer in your organisation\'s Teams app catalog. A Teams administrator publishes it again, then retry.',
  sendNotAllowed: 'Line of Sight may not send Teams notifications in your organisation. An administrator grants the app\'s permissions again (admin consent), then retry.',
  sendRefused: 'Teams refused this notification. Tell whoever runs Line of Sight; retrying will not help until they fix it.',
} as const;

/** The catalog lookup failed for good (no AppCatalog.Read.All consent, or another refusal). */
export function catalogFailureReason(failure: Failure): string {
  return withDetail(failure.status === 403 || failure.status === 401 ? REASONS.catalogUnreadable : REASONS.sendRefused, failure);
}

/** Checking or installing the app for a person failed for good. `step` tells which request answered. */
export function installationFailureReason(failure: Failure, step: 'check' | 'install'): string {
  if (failure.status === 404) return withDetail(step === 'check' ? REASONS.personNotFound : REASONS.appGone, failure);
  if (failure.status === 403) {
    const text = `${failure.code ?? ''} ${failure.graphMessage ?? ''}`;
    if (/disabled/i.test(text)) return withDetail(REASONS.accountDisabled, failure);
    if (/Authorization_RequestDenied|insufficient privileges|missing role/i.test(text)) return withDetail(REASONS.installNotAllowed, failure);
    return withDetail(REASONS.blockedByPolicy, failure);
  }
  return withDetail(REASONS.sendRefused, failure);
}

/** A send Graph refused for good. */
export function sendFailureReason(failure: Pick<Failure, 'status' | 'code' | 'message'>): string {
  // The raw answer stays whole here: it names the missing permission or the malformed field.
  return `${failure.status === 403 || failure.status === 401 ? REASONS.sendNotAllowed : REASONS.sendRefused} (${failure.message})`;
}
