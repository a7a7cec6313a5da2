import { defineCatalogue } from '../../i18n';
import type source from './messages/en.json';

/** The home view's words: my work, the strategies, the task dialogs and what the page says after a change. */
export const homeText = defineCatalogue<typeof source>(
  'line-of-sight',
  import.meta.glob('./messages/*.json', { query: '?lingui', import: 'default' }),
  import.meta.glob('./messages/en.json', { query: '?lingui-pseudo', import: 'default' }),
);
