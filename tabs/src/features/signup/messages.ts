import { defineCatalogue } from '../../i18n';
import type source from './messages/en.json';

/** The first-run wizard for admins, and the page for everyone else before the organisation is set up. */
export const signupText = defineCatalogue<typeof source>(
  'signup',
  import.meta.glob('./messages/*.json', { query: '?lingui', import: 'default' }),
  import.meta.glob('./messages/en.json', { query: '?lingui-pseudo', import: 'default' }),
);
