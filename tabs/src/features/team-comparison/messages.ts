import { defineCatalogue } from '../../i18n';
import type source from './messages/en.json';

/** The Teams compared area's words: table, charts, highlights, benchmark. */
export const comparisonText = defineCatalogue<typeof source>(
  'team-comparison',
  import.meta.glob('./messages/*.json', { query: '?lingui', import: 'default' }),
  import.meta.glob('./messages/en.json', { query: '?lingui-pseudo', import: 'default' }),
);
