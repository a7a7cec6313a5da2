import { defineCatalogue } from '../../i18n';
import type source from './messages/en.json';

/** The Insights area's words: alignment charts, the lists of what to fix and why. */
export const insightsText = defineCatalogue<typeof source>(
  'insights',
  import.meta.glob('./messages/*.json', { query: '?lingui', import: 'default' }),
  import.meta.glob('./messages/en.json', { query: '?lingui-pseudo', import: 'default' }),
);
