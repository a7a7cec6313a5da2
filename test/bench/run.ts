/**
 * `npm run bench`: prints performance figures from one run. Figures are ratios against a
 * baseline measured in the same process, because absolute numbers on a shared 2-core machine
 * mean little. Nothing here passes or fails; targets are printed beside the figures.
 */
import { fileURLToPath } from 'node:url';
import { startLocalStack } from '../../api/src/local/stack.js';
import { HOME_VIEW_BUDGET_KB, homeViewLoad, outsideTeamsLoad } from '../tabs/bundle-budget.js';
import { measureOutsideTeamsLighthouse, printOutsideTeamsLighthouse } from './outside-teams-lighthouse.js';
import { measureHomeViewConcurrency, printHomeViewConcurrency } from './home-view-concurrency.js';
import { measureHomeViewThroughput } from './home-view-throughput.js';
import { measureInsightsScale, printInsightsScale } from './insights-scale.js';
import { measureNotificationDrain } from './notifications.js';
import { liftRateLimits } from './lift-rate-limits.js';
import { measureAlignmentScoring, printAlignmentScoring } from './alignment-scoring.js';
import { measureTaskSync, printTaskSync } from './task-sync.js';
import { measurePulseScale, printPulseScale } from './pulse-scale.js';
import { installSwitchableTracing, measureTracingCost, printTracingCost } from './tracing-cost.js';
import { measurePeopleSearch, printPeopleSearch } from './people-search-scale.js';

const HOME_VIEW_RATIO_TARGET = 0.6;
const CONCURRENCY_RATIO_TARGET = 0.9;
const HOME_VIEW_KB_TARGET = 150;
const LIGHTHOUSE_TARGET = 90;
const TRACING_COST_GOAL = 0.1;

const format = (value: number, digits = 0) => value.toFixed(digits);

async function main(): Promise<void> {
  liftRateLimits();
  // Before the first stack: spans off (as by default) until the tracing figure switches them on.
  installSwitchableTracing();
  const stack = await startLocalStack({ port: 0 });
  try {
    const seconds = Number(process.env.BENCH_SECONDS ?? 5);
    const figures = await measureHomeViewThroughput(stack, { connections: 10, seconds });
    console.log('Home view: GET /api/me/line-of-sight through the full stack (dev token validated on every request)');
    console.log(`  direct @azure/cosmos, the same reads and queries, same server: ${format(figures.directReadsPerSecond)} home views/s`);
    console.log(`  full stack:                                                  ${format(figures.homeViewRequestsPerSecond)} requests/s`);
    console.log(`  ratio: ${format(figures.ratio, 2)} (target ≥ ${HOME_VIEW_RATIO_TARGET})`);
    printHomeViewConcurrency(await measureHomeViewConcurrency(stack, { seconds }), CONCURRENCY_RATIO_TARGET);
    printTracingCost(await measureTracingCost(stack, { seconds }), TRACING_COST_GOAL);
  } finally {
    await stack.close();
  }

  // Its own stack: 50k tasks would slow every other figure, and one stack runs per process at a time.
  printInsightsScale(await measureInsightsScale({ seconds: Number(process.env.BENCH_SECONDS ?? 5) }));

  // Its own stack: 10,000 people searched and paged (issue 13).
  printPeopleSearch(await measurePeopleSearch());

  // Pure and in-process: no stack.
  printAlignmentScoring(measureAlignmentScoring());
  // Its own stack: a closed 100k-response pulse across 500 teams.
  printPulseScale(await measurePulseScale({ seconds: Number(process.env.BENCH_SECONDS ?? 5) }));

  // Prints its own figures: 1k and 10k assignments through the outbox to a throttling fake Graph.
  await measureNotificationDrain();

  // Its own stack and fake Graph: 5,000 tasks for one person, then 200 people × 50.
  printTaskSync(await measureTaskSync());

  const load = homeViewLoad(fileURLToPath(new URL('../../tabs/dist', import.meta.url)));
  console.log('Tab: what the home view downloads (boot, shell, home view, task-sources panel, with their static imports), gzipped');
  console.log(`  JS ${format(load.jsGzipBytes / 1024, 1)} KB + CSS ${format(load.cssGzipBytes / 1024, 1)} KB = ${format(load.totalGzipKb, 1)} KB (target ≤ ${HOME_VIEW_KB_TARGET} KB, test ceiling ${HOME_VIEW_BUDGET_KB} KB)`);
  for (const file of [...load.files].sort((a, b) => b.gzipBytes - a.gzipBytes)) console.log(`    ${file.file.padEnd(48)} ${format(file.gzipBytes / 1024, 1)} KB`);
  const outside = outsideTeamsLoad(fileURLToPath(new URL('../../tabs/dist', import.meta.url)));
  console.log(`Tab outside Teams: boot script + plain page ${format(outside.totalGzipKb, 1)} KB gzipped (no React, Fluent or shell)`);
  printOutsideTeamsLighthouse(await measureOutsideTeamsLighthouse(), LIGHTHOUSE_TARGET);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
