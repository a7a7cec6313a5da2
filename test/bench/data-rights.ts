/**
 * Data rights on a generated tenant, for `npm run bench` (or on its own: `npx tsx test/bench/data-rights.ts`):
 * - the tenant export: documents, bytes, seconds, and the API process's heap growth while streaming it,
 *   measured half way through after a full GC (run node with --expose-gc), as a ratio to the export's
 *   size (streamed: far below 1; buffering the tenant would be ≥ 1);
 * - one person's download and one person's erasure, each as a ratio to the home view's latency,
 *   measured in the same process on the same tenant.
 * It starts its own local stack (the generated tenant would slow the other figures).
 */
import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { startLocalStack } from '../../api/src/local/stack.js';
import { getServices } from '../../api/src/services.js';
import { generateOrganisation, writeOrganisation, type OrganisationSize } from './generate-organisation.js';

export interface DataRightsFigures {
  documents: number;
  exportBytes: number;
  exportSeconds: number;
  heapGrowthToExportSize: number;
  homeViewMs: number;
  personalDownloadToHomeView: number;
  erasureToHomeView: number;
}

async function timed(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export async function measureDataRights(size: OrganisationSize = { people: 2_000, tasks: 10_000, strategies: 50, seed: 14 }): Promise<DataRightsFigures> {
  const stack = await startLocalStack({ port: 0 });
  const client = new CosmosClient({ endpoint: stack.cosmos.endpoint, key: stack.cosmos.key, agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) });
  try {
    const organisation = generateOrganisation(size);
    await writeOrganisation(client, organisation);
    const issuer = getServices().auth.devTokenIssuer!;
    const token = (userId: string, roles: ('Employee' | 'Leader' | 'Admin')[]) => issuer.issueDevToken({ tenantId: organisation.tenantId, userId, roles, displayName: 'Bench' });
    const admin = await token(organisation.adminId, ['Employee', 'Admin']);
    const employee = await token(organisation.employeeId, ['Employee']);
    const get = async (path: string, bearer: string) => {
      const response = await fetch(`${stack.url}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
      return response;
    };

    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapMidway = heapBefore;
    let exportBytes = 0;
    let documents = 0;
    const exportMs = await timed(async () => {
      const response = await get('/api/tenant/export', admin);
      const reader = response.body!.getReader();
      // Count documents by their tenant field without keeping the text: the client must not be what holds the tenant.
      const marker = new TextEncoder().encode(`"tenantId":"${organisation.tenantId}"`);
      let measured = false;
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        exportBytes += read.value.byteLength;
        for (let index = read.value.indexOf(marker[0]!); index !== -1; index = read.value.indexOf(marker[0]!, index + 1)) {
          if (marker.every((byte, offset) => read.value[index + offset] === byte)) documents += 1;
        }
        // Half way through (by documents): what the API holds while the stream is open, after a full GC.
        if (!measured && documents > 6_000 && exportBytes > 1_500_000) {
          measured = true;
          global.gc?.();
          heapMidway = process.memoryUsage().heapUsed;
        }
      }
    });

    const homeTimes: number[] = [];
    for (let run = 0; run < 5; run += 1) homeTimes.push(await timed(async () => void (await (await get('/api/me/line-of-sight', employee)).text())));
    const homeViewMs = homeTimes.sort((a, b) => a - b)[2]!;
    const downloadMs = await timed(async () => void (await (await get('/api/me/data-export', employee)).text()));
    const person = (await (await get('/api/people', admin)).json()) as { people: { id: string; etag: string }[] };
    const target = person.people.find((candidate) => candidate.id === organisation.employeeId)!;
    const erasureMs = await timed(async () => {
      const response = await fetch(`${stack.url}/api/people/${target.id}/erase`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json', 'if-match': target.etag }, body: '{}' });
      if (response.status !== 200) throw new Error(`erasure answered ${response.status}`);
    });
    return {
      documents,
      exportBytes,
      exportSeconds: exportMs / 1000,
      heapGrowthToExportSize: Math.max(0, heapMidway - heapBefore) / exportBytes,
      homeViewMs,
      personalDownloadToHomeView: downloadMs / homeViewMs,
      erasureToHomeView: erasureMs / homeViewMs,
    };
  } finally {
    client.dispose();
    await stack.close();
  }
}

export function printDataRights(figures: DataRightsFigures): void {
  console.log('Data rights on a generated tenant');
  console.log(`  tenant export: ${figures.documents} documents, ${(figures.exportBytes / 1e6).toFixed(1)} MB in ${figures.exportSeconds.toFixed(1)} s; heap held half way (after GC) / export size: ${figures.heapGrowthToExportSize.toFixed(2)}`);
  console.log(`  one person's download: ${figures.personalDownloadToHomeView.toFixed(1)}× the home view (${figures.homeViewMs.toFixed(0)} ms)`);
  console.log(`  erasing one person: ${figures.erasureToHomeView.toFixed(1)}× the home view`);
}

if (import.meta.url === `file://${process.argv[1]}`) printDataRights(await measureDataRights());
