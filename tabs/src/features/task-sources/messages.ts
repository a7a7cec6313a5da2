import { defineCatalogue } from '../../i18n';
import type source from './messages/en.json';

/** The Planner / To Do panel's words: bringing tasks in, consent, write-back, disconnecting. */
export const taskSourcesText = defineCatalogue<typeof source>(
  'task-sources',
  import.meta.glob('./messages/*.json', { query: '?lingui', import: 'default' }),
  import.meta.glob('./messages/en.json', { query: '?lingui-pseudo', import: 'default' }),
);
