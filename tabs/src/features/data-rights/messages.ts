import { defineCatalogue } from '../../i18n';
import type source from './messages/en.json';

/** The "Your data" area's words: downloads, the organisation's export, erasing a person, the organisation's deletion. */
export const dataRightsText = defineCatalogue<typeof source>(
  'data-rights',
  import.meta.glob('./messages/*.json', { query: '?lingui', import: 'default' }),
  import.meta.glob('./messages/en.json', { query: '?lingui-pseudo', import: 'default' }),
);
