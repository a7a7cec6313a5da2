import { defineCatalogue } from '../../i18n';
import type source from './messages/en.json';

/** Mission moments' words: recognising colleagues, the feed and its filters, hiding a moment. */
export const momentsText = defineCatalogue<typeof source>(
  'moments',
  import.meta.glob('./messages/*.json', { query: '?lingui', import: 'default' }),
  import.meta.glob('./messages/en.json', { query: '?lingui-pseudo', import: 'default' }),
);
