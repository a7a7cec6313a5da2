// Every test file starts with the API's words for the shared schemas' checks (English); the tab's tests
// switch to its catalogue with speak(). Listed in test/vitest.config.ts `setupFiles`.
import '../../api/src/shared/validation-english.js';
