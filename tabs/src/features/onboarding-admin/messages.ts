import { defineCatalogue } from '../../i18n';
import type source from './messages/en.json';

/** Leaders' onboarding words: module editor and preview, cohorts, assignments, dashboard, reminders, failed notifications. */
export const adminText = defineCatalogue<typeof source>(
  'onboarding-admin',
  import.meta.glob('./messages/*.json', { query: '?lingui', import: 'default' }),
  import.meta.glob('./messages/en.json', { query: '?lingui-pseudo', import: 'default' }),
);
