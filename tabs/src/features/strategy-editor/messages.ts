import { defineCatalogue } from '../../i18n';
import type source from './messages/en.json';

/** The strategy editor's words: the map, its dialogs, history, conflicts and reordering. */
export const strategyEditorText = defineCatalogue<typeof source>(
  'strategy-editor',
  import.meta.glob('./messages/*.json', { query: '?lingui', import: 'default' }),
  import.meta.glob('./messages/en.json', { query: '?lingui-pseudo', import: 'default' }),
);
