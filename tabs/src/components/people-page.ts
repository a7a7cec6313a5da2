import { peoplePageSchema, type Person } from '@contracts';
import type { ApiClient } from '../app/api-client';
import type { FetchPage } from './use-paged-search';
import { listQueryString } from './list-query';

/** GET /api/people?q=&limit=&cursor= as a page for the shared paged list. */
export const peoplePage =
  (client: ApiClient): FetchPage<Person> =>
  async (params, signal) => {
    const page = await client.request(`/api/people?${listQueryString(params)}`, peoplePageSchema, { signal });
    return { items: page.people, nextCursor: page.nextCursor };
  };
