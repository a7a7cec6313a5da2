import { defineCatalogue } from '../../i18n';
import type source from './messages/en.json';

/** The new hire's words: my modules, the module player, progress and due dates. */
export const onboardingText = defineCatalogue<typeof source>(
  'onboarding',
  import.meta.glob('./messages/*.json', { query: '?lingui', import: 'default' }),
  import.meta.glob('./messages/en.json', { query: '?lingui-pseudo', import: 'default' }),
);
