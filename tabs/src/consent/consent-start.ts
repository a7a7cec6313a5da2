import { consentTarget } from './consent-pages';

const target = consentTarget(new URLSearchParams(window.location.search).get('to'), window.location.href);
if (target) window.location.replace(target.href);
else document.getElementById('message')!.textContent = 'This is not a Microsoft permissions page. Close this window and try again from Line of Sight.';
