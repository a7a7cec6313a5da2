/**
 * Last page of the consent pop-up: Entra sends the person back here; this tells Teams how it went
 * (authentication.notifySuccess / notifyFailure), which closes the pop-up and resolves the tab's
 * authentication.authenticate call.
 */
import { app, authentication } from '@microsoft/teams-js';
import { CONSENT_TEXT } from './consent-text';
import { speakPage } from './page-language';

const words = speakPage(CONSENT_TEXT);
document.title = words.title;
const params = new URLSearchParams(window.location.search);
const status = document.getElementById('status');
if (status) status.textContent = words.finishing;

void app
  .initialize()
  .then(() => {
    if (params.get('error') || !params.get('code')) authentication.notifyFailure(params.get('error') ?? 'no_consent');
    else authentication.notifySuccess('consented');
  })
  .catch(() => {
    if (status) status.textContent = words.recorded;
  });
