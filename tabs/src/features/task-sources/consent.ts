/**
 * Asks the person for a delegated permission through Teams: authentication.authenticate opens the
 * tab's consent pop-up (user-consent-start.html → Entra's consent page → consent-end.html), which
 * resolves when they accept and rejects when they cancel or close it.
 */
import type { Problem, TaskSourceKind } from '@contracts';
import { app, authentication } from '@microsoft/teams-js';
import { taskSourcesText } from './messages';

/** The one sentence said before asking: what is asked, and why. */
export function consentSentence(source: TaskSourceKind, scopes: readonly string[]): string {
  return taskSourcesText.text(scopes.includes('Tasks.ReadWrite') ? 'consent.write' : 'consent.read', { source });
}

export async function askForConsent(consent: NonNullable<Problem['consent']>): Promise<void> {
  const context = await app.getContext();
  const url = new URL('user-consent-start.html', window.location.href);
  // teams-js opens https pages only; in Teams the tab is https already (the local host maps it back to http).
  url.protocol = 'https:';
  url.searchParams.set('authorizeUrl', consent.authorizeUrl ?? '');
  url.searchParams.set('loginHint', context.user?.userPrincipalName ?? context.user?.id ?? '');
  url.searchParams.set('state', crypto.randomUUID());
  await authentication.authenticate({ url: url.toString(), width: 600, height: 535 });
}
