/**
 * Last page of the consent pop-up: Entra sends the person back here; this tells Teams how it went
 * (authentication.notifySuccess / notifyFailure), which closes the pop-up and resolves the tab's
 * authentication.authenticate call.
 */
import { app, authentication } from '@microsoft/teams-js';

const params = new URLSearchParams(window.location.search);
const status = document.getElementById('status');

void app
  .initialize()
  .then(() => {
    if (params.get('error') || !params.get('code')) authentication.notifyFailure(params.get('error') ?? 'no_consent');
    else authentication.notifySuccess('consented');
  })
  .catch(() => {
    if (status) status.textContent = 'Permission recorded. You can close this window.';
  });
