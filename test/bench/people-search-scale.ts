/**
 * Searchable people at 10,000 (issue 13), for `npm run bench`: through the full stack, the time of
 * the first page, the last page (page 100 of 100, reached by cursor) and a name search, each as a
 * ratio to the whole unpaged list. Keyset paging: the last page should cost what the first does.
 * Its own local stack and tenant.
 */
import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { startLocalStack } from '../../api/src/local/stack.js';
import { getServices } from '../../api/src/services.js';
import { generateOrganisation, writeOrganisation } from './generate-organisation.js';

export interface PeopleSearchFigures {
  people: number;
  wholeListMs: number;
  firstPageMs: number;
  lastPageMs: number;
  searchMs: number;
  wholeListKb: number;
  firstPageKb: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function measurePeopleSearch(people = 10_000, runs = 5): Promise<PeopleSearchFigures> {
  const stack = await startLocalStack({ port: 0 });
  try {
    const organisation = generateOrganisation({ people, tasks: 0, strategies: 1, seed: 21, tenantIndex: 41 });
    const client = new CosmosClient({ endpoint: stack.cosmos.endpoint, key: stack.cosmos.key, agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) });
    try {
      await writeOrganisation(client, organisation);
    } finally {
      client.dispose();
    }
    const leader = organisation.people[0]!;
    const token = await getServices().auth.devTokenIssuer!.issueDevToken({ tenantId: organisation.tenantId, userId: leader.id, roles: leader.roles, displayName: leader.displayName });
    const get = async (query: string) => {
      const started = performance.now();
      const response = await fetch(`${stack.url}/api/people${query}`, { headers: { authorization: `Bearer ${token}` } });
      const text = await response.text();
      if (!response.ok) throw new Error(`/api/people${query} answered ${response.status}`);
      return { ms: performance.now() - started, bytes: text.length, body: JSON.parse(text) as { nextCursor?: string | null } };
    };
    const timed = async (query: string) => {
      await get(query);
      const times: number[] = [];
      for (let run = 0; run < runs; run += 1) times.push((await get(query)).ms);
      return median(times);
    };
    // The cursor of the last page: walk there once.
    let cursor: string | null | undefined = null;
    let lastQuery = '?limit=100';
    for (let page = 0; page < Math.ceil(people / 100) - 1; page += 1) {
      cursor = (await get(`?limit=100${cursor ? `&cursor=${cursor}` : ''}`)).body.nextCursor;
      lastQuery = `?limit=100&cursor=${cursor ?? ''}`;
    }
    const whole = await get('');
    const first = await get('?limit=100');
    return {
      people,
      wholeListMs: await timed(''),
      firstPageMs: await timed('?limit=100'),
      lastPageMs: await timed(lastQuery),
      searchMs: await timed('?q=person%209999&limit=25'),
      wholeListKb: whole.bytes / 1024,
      firstPageKb: first.bytes / 1024,
    };
  } finally {
    await stack.close();
  }
}

export function printPeopleSearch(figures: PeopleSearchFigures): void {
  const ratio = (ms: number) => (ms / figures.wholeListMs).toFixed(2);
  console.log(`People search and paging: GET /api/people in a ${figures.people.toLocaleString('en')}-person tenant (median of 5)`);
  console.log(`  whole unpaged list: ${figures.wholeListMs.toFixed(0)} ms, ${figures.wholeListKb.toFixed(0)} KB`);
  console.log(`  first page of 100:  ${ratio(figures.firstPageMs)} of the whole list, ${figures.firstPageKb.toFixed(1)} KB`);
  console.log(`  last page (100th):  ${ratio(figures.lastPageMs)} of the whole list (keyset: about the first page's)`);
  console.log(`  name search:        ${ratio(figures.searchMs)} of the whole list`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  measurePeopleSearch()
    .then(printPeopleSearch)
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
