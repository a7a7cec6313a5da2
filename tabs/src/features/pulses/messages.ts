import { defineCatalogue } from '../../i18n';
import type source from './messages/en.json';

/** Mission pulses: answering, results, leaders' pulses and customer survey waves. */
export const pulsesText = defineCatalogue<typeof source>(
  'pulses',
  import.meta.glob('./messages/*.json', { query: '?lingui', import: 'default' }),
  import.meta.glob('./messages/en.json', { query: '?lingui-pseudo', import: 'default' }),
);
