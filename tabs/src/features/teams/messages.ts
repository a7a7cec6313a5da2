import { defineCatalogue } from '../../i18n';
import type source from './messages/en.json';

/** The Teams area's words: teams, their people and roles, where memberships come from, re-mapping tasks. */
export const teamsText = defineCatalogue<typeof source>(
  'teams',
  import.meta.glob('./messages/*.json', { query: '?lingui', import: 'default' }),
  import.meta.glob('./messages/en.json', { query: '?lingui-pseudo', import: 'default' }),
);
