import type source from '../../../api/src/shared/validation-messages/en.json';
import { setValidationLanguage } from '../../../api/src/shared/validation-text';
import { defineCatalogue } from '../i18n';
import { appText } from './messages';

/**
 * The shared schemas' validation messages (api/src/shared/validation-messages), said in the person's
 * language when the tab checks a form with the same schema the API uses. Only forms need them, so they
 * load with the first form (FormDialog and the few forms outside a dialog call useValidationMessages),
 * not with the first paint.
 */
export const validationText = defineCatalogue<typeof source>(
  'validation',
  import.meta.glob('../../../api/src/shared/validation-messages/*.json', { query: '?lingui', import: 'default' }),
  import.meta.glob('../../../api/src/shared/validation-messages/en.json', { query: '?lingui-pseudo', import: 'default' }),
);

setValidationLanguage((key, values) => {
  const said = validationText.text(key, values);
  // Not loaded yet (a check outside any form): a plain request to look again, in the person's language.
  return said === validationText.id(key) ? appText.text('error.checkField') : said;
});

/** In a component that checks input with a shared schema: suspends until the messages are loaded. */
export const useValidationMessages = (): void => {
  validationText.useText();
};
