import { defineCatalogue } from '../i18n';
import type source from './messages/en.json';

/** The shared UI's words: dialogs, pickers, paged lists, conflicts, the strategy map's field names. */
export const componentsText = defineCatalogue<typeof source>(
  'components',
  import.meta.glob('./messages/*.json', { query: '?lingui', import: 'default' }),
  import.meta.glob('./messages/en.json', { query: '?lingui-pseudo', import: 'default' }),
);
