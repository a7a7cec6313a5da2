import { defineCatalogue } from '../../i18n';
import type source from './messages/en.json';

/** Alignment rounds' words: opening a round, answering, closing, and the scored result. */
export const alignmentText = defineCatalogue<typeof source>(
  'alignment',
  import.meta.glob('./messages/*.json', { query: '?lingui', import: 'default' }),
  import.meta.glob('./messages/en.json', { query: '?lingui-pseudo', import: 'default' }),
);
