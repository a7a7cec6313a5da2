/**
 * Launches headless Chromium for browser tests without any download at test time:
 * CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the binary shipped inside the
 * @sparticuz/chromium npm package.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Flags that keep Chromium off the network this machine refuses (see environment notes). */
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

async function resolveExecutable(): Promise<{ executablePath: string; args: string[] }> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return { executablePath: fromEnv, args: QUIET_FLAGS };
  if (process.env.LOS_BROWSER !== 'sparticuz' && existsSync('/usr/bin/chromium')) {
    return { executablePath: '/usr/bin/chromium', args: QUIET_FLAGS };
  }
  // Only the binary: the package's own flags are tuned for AWS Lambda (single process, web
  // security off), which would close the browser with a context and hide CSP problems.
  const sparticuz = (await import('@sparticuz/chromium')).default;
  return { executablePath: await sparticuz.executablePath(), args: QUIET_FLAGS };
}

export async function launchBrowser(): Promise<Browser> {
  const { executablePath, args } = await resolveExecutable();
  return chromium.launch({ executablePath, args, headless: true });
}

/**
 * A context in which teams-js's one outside request (its valid-domains list on a CDN) is
 * answered locally, and anything else off this machine is refused, so tests never wait on the network.
 */
export async function newIsolatedContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, async (route) => {
    if (route.request().url().includes('validDomains')) {
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ validOrigins: [] }) });
    } else {
      await route.abort('blockedbyclient');
    }
  });
  return context;
}
