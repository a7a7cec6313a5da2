import { defineCatalogue } from '../i18n';
import type source from './messages/en.json';

/** The shell's words: navigation, loading, and how a failure is explained. */
export const appText = defineCatalogue<typeof source>(
  'app',
  import.meta.glob('./messages/*.json', { query: '?lingui', import: 'default' }),
  import.meta.glob('./messages/en.json', { query: '?lingui-pseudo', import: 'default' }),
);
