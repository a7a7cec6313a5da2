import { defineCatalogue } from '../../i18n';
import type source from './messages/en.json';

/** The channel tab's words, and its configuration page's. */
export const channelText = defineCatalogue<typeof source>(
  'channel',
  import.meta.glob('./messages/*.json', { query: '?lingui', import: 'default' }),
  import.meta.glob('./messages/en.json', { query: '?lingui-pseudo', import: 'default' }),
);
