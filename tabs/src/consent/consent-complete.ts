import { app, authentication } from '@microsoft/teams-js';
import { consentOutcome } from './consent-pages';

const message = document.getElementById('message')!;
const outcome = consentOutcome(window.location.search);

async function report(): Promise<void> {
  try {
    await app.initialize();
  } catch {
    // Opened outside a Teams authentication window: nobody to tell but the person.
    message.textContent = outcome.ok ? 'Permissions granted. Close this window and go back to Line of Sight.' : `${outcome.reason} Close this window and go back to Line of Sight.`;
    return;
  }
  message.textContent = outcome.ok ? 'Permissions granted. Returning to Line of Sight…' : outcome.reason;
  if (outcome.ok) authentication.notifySuccess(outcome.result);
  else authentication.notifyFailure(outcome.reason);
}

void report();
