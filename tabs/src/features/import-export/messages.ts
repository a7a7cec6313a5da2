import { defineCatalogue } from '../../i18n';
import type source from './messages/en.json';

/** The strategy map's import and export words. */
export const importExportText = defineCatalogue<typeof source>(
  'import-export',
  import.meta.glob('./messages/*.json', { query: '?lingui', import: 'default' }),
  import.meta.glob('./messages/en.json', { query: '?lingui-pseudo', import: 'default' }),
);
