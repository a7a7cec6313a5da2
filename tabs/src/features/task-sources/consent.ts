/**
 * Asks the person for a delegated permission through Teams: authentication.authenticate opens the
 * tab's consent pop-up (user-consent-start.html → Entra's consent page → consent-end.html), which
 * resolves when they accept and rejects when they cancel or close it.
 */
import type { Problem } from '@contracts';
import { app, authentication } from '@microsoft/teams-js';

export const SOURCE_LABELS = { planner: 'Planner', todo: 'To Do' } as const;

/** The one sentence said before asking: what is asked, and why. */
export function consentSentence(source: keyof typeof SOURCE_LABELS, scopes: readonly string[]): string {
  return scopes.includes('Tasks.ReadWrite')
    ? `To mark your ${SOURCE_LABELS[source]} tasks complete when you finish them here, Line of Sight needs your permission to change your tasks (Tasks.ReadWrite), on your behalf and only when you mark one done.`
    : `To bring in your ${SOURCE_LABELS[source]} tasks and keep them in sync, Line of Sight needs your permission to read your tasks (Tasks.Read), on your behalf; it changes nothing there.`;
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
