import { app, authentication } from '@microsoft/teams-js';
import { consentOutcome } from './consent-pages';
import { CONSENT_TEXT } from './consent-text';
import { speakPage } from './page-language';

const words = speakPage(CONSENT_TEXT);
document.title = words.title;
const message = document.getElementById('message')!;
message.textContent = words.finishing;
const outcome = consentOutcome(window.location.search, words);

async function report(): Promise<void> {
  try {
    await app.initialize();
  } catch {
    // Opened outside a Teams authentication window: nobody to tell but the person.
    message.textContent = outcome.ok ? words.granted : `${outcome.reason} ${words.goBack}`;
    return;
  }
  message.textContent = outcome.ok ? words.returning : outcome.reason;
  if (outcome.ok) authentication.notifySuccess(outcome.result);
  else authentication.notifyFailure(outcome.reason);
}

void report();
