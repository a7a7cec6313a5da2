import { defineCatalogue } from '../../i18n';
import type source from './messages/en.json';

/**
 * StartupProblem's three messages, apart from the `components` catalogue: the shell imports StartupProblem
 * up front, and every catalogue defined by then is fetched at start, so this one is kept tiny.
 */
export const startupText = defineCatalogue<typeof source>(
  'startup',
  import.meta.glob('./messages/*.json', { query: '?lingui', import: 'default' }),
  import.meta.glob('./messages/en.json', { query: '?lingui-pseudo', import: 'default' }),
);
