/**
 * Lighthouse (mobile, performance only) on the page a browser outside Teams gets at /tab/, served by
 * the local host (compressed, cached). Lighthouse simulates a slow phone and network, so the score
 * depends less on this machine than raw timings do, but it still does: printed, never asserted. The
 * deterministic reasons it is fast (a few KB, one deferred script, compressed) are asserted in
 * test/tabs/bundle-budget.test.ts and test/e2e/outside-teams.test.ts.
 *
 * Needs `lighthouse` (12.2.3: 13 needs Node 22) and the Chromium of @sparticuz/chromium; without
 * lighthouse installed it says so and skips.
 */
import { startLocalStack } from '../../api/src/local/stack.js';

export interface LighthouseFigures {
  score: number;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
  transferredBytes: number;
}

interface LighthouseModule {
  default: (url: string, flags: Record<string, unknown>) => Promise<{ lhr: { categories: { performance: { score: number | null } }; audits: Record<string, { numericValue?: number }> } } | undefined>;
}
interface ChromeLauncherModule {
  launch: (options: { chromePath: string; chromeFlags: string[] }) => Promise<{ port: number; kill: () => void | Promise<void> }>;
}

export async function measureOutsideTeamsLighthouse(): Promise<LighthouseFigures | { skipped: string }> {
  let lighthouse: LighthouseModule;
  let launcher: ChromeLauncherModule;
  try {
    // Optional: by name, so the bench still runs (and type-checks) where it isn't installed.
    const lighthouseName = 'lighthouse';
    const launcherName = 'chrome-launcher';
    lighthouse = (await import(lighthouseName)) as LighthouseModule;
    launcher = (await import(launcherName)) as ChromeLauncherModule;
  } catch {
    return { skipped: 'lighthouse is not installed (npm install -D -E lighthouse@12.2.3)' };
  }
  const sparticuz = (await import('@sparticuz/chromium')).default;
  const stack = await startLocalStack({ port: 0 });
  const chrome = await launcher.launch({
    chromePath: await sparticuz.executablePath(),
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const result = await lighthouse.default(`${stack.url}/tab/`, { port: chrome.port, onlyCategories: ['performance'], formFactor: 'mobile', output: 'json', logLevel: 'error' });
    if (!result) throw new Error('Lighthouse returned no result');
    const audit = (id: string) => result.lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      score: Math.round((result.lhr.categories.performance.score ?? 0) * 100),
      firstContentfulPaintMs: audit('first-contentful-paint'),
      largestContentfulPaintMs: audit('largest-contentful-paint'),
      totalBlockingTimeMs: audit('total-blocking-time'),
      transferredBytes: audit('total-byte-weight'),
    };
  } finally {
    await chrome.kill();
    await stack.close();
  }
}

export function printOutsideTeamsLighthouse(figures: LighthouseFigures | { skipped: string }, target: number): void {
  console.log('Tab outside Teams (/tab/ in a browser): Lighthouse mobile performance');
  if ('skipped' in figures) {
    console.log(`  skipped: ${figures.skipped}`);
    return;
  }
  console.log(`  score ${figures.score} (target ≥ ${target}); FCP ${(figures.firstContentfulPaintMs / 1000).toFixed(1)} s, LCP ${(figures.largestContentfulPaintMs / 1000).toFixed(1)} s, TBT ${figures.totalBlockingTimeMs.toFixed(0)} ms`);
  console.log(`  transferred ${(figures.transferredBytes / 1024).toFixed(1)} KB`);
}
