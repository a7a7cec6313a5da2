import { defineCatalogue } from '../../i18n';
import type source from './messages/en.json';

/** The coaching view's words: a leader's team figures, say vs do, what to do next, teams compared. */
export const coachingText = defineCatalogue<typeof source>(
  'coaching',
  import.meta.glob('./messages/*.json', { query: '?lingui', import: 'default' }),
  import.meta.glob('./messages/en.json', { query: '?lingui-pseudo', import: 'default' }),
);
