import { consentTarget } from './consent-pages';
import { CONSENT_TEXT } from './consent-text';
import { speakPage } from './page-language';

const words = speakPage(CONSENT_TEXT);
document.title = words.title;
const message = document.getElementById('message')!;
message.textContent = words.opening;
const target = consentTarget(new URLSearchParams(window.location.search).get('to'), window.location.href);
if (target) window.location.replace(target.href);
else message.textContent = words.notEntra;
