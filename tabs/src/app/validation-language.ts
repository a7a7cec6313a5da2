import type source from '../../../api/src/shared/validation-messages/en.json';
import { setValidationLanguage } from '../../../api/src/shared/validation-text';
import { useEffect } from 'react';
import { activeLanguage, defineCatalogue } from '../i18n';
import { appText } from './messages';

/**
 * The shared schemas' validation messages (api/src/shared/validation-messages), said in the person's
 * language when the tab checks a form with the same schema the API uses. Only forms need them, so they
 * load when the first form opens (FormDialog and the few forms outside a dialog call useValidationMessages),
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

/**
 * In a component that checks input with a shared schema: starts loading the messages when it mounts,
 * without suspending (a dialog that suspended while opening raced the clicks that follow it); until they
 * arrive, which is long before anyone submits, a failed check says "Check this field." in the person's language.
 */
export const useValidationMessages = (): void => {
  useEffect(() => {
    void validationText.load(activeLanguage());
  }, []);
};
