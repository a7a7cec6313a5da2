import type source from '../../../api/src/shared/validation-messages/en.json';
import { inEnglish, setValidationLanguage } from '../../../api/src/shared/validation-text';
import { defineCatalogue } from './catalogue';

/**
 * The shared schemas' validation messages (api/src/shared/validation-messages), said in the person's
 * language when the tab checks a form with the same schema the API uses. English until the catalogue
 * has loaded, which it has before any page renders.
 */
export const validationText = defineCatalogue<typeof source>(
  'validation',
  import.meta.glob('../../../api/src/shared/validation-messages/*.json', { query: '?lingui', import: 'default' }),
  import.meta.glob('../../../api/src/shared/validation-messages/en.json', { query: '?lingui-pseudo', import: 'default' }),
);

setValidationLanguage((key, values) => {
  const said = validationText.text(key, values);
  return said === validationText.id(key) ? inEnglish(key, values) : said;
});
