import { activateLocale, loadRegisteredCatalogues } from '../../../tabs/src/i18n/index.js';
import '../../../tabs/src/app/validation-language.js';

/**
 * For tests of the tab's text builders: the tab speaks `locale`, with every catalogue imported so far
 * loaded (call it in beforeAll, after the module under test is imported), as the shell does at start.
 */
export async function speak(locale = 'en-US'): Promise<void> {
  await loadRegisteredCatalogues(activateLocale(locale));
}
