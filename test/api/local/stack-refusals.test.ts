/**
 * The local stack signs anyone in (dev sign-in), so it refuses to start where that would be
 * dangerous: on an Azure host (any marker), and with NODE_ENV=production unless dev mode is off.
 * Each refusal comes before anything starts, so these tests start nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startLocalStack } from '../../../api/src/local/stack.js';

const saved = { ...process.env };
afterEach(() => {
  for (const name of ['NODE_ENV', 'WEBSITE_INSTANCE_ID', 'IDENTITY_ENDPOINT', 'IDENTITY_HEADER', 'WEBSITE_SITE_NAME', 'FUNCTIONS_WORKER_RUNTIME']) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe('the local stack refuses to start', () => {
  it('with NODE_ENV=production in dev mode', async () => {
    process.env.NODE_ENV = 'production';
    await expect(startLocalStack({ port: 0 })).rejects.toThrow(/refuses dev sign-in: NODE_ENV is production/);
  });

  it.each([
    [{ WEBSITE_INSTANCE_ID: 'a1b2c3' }, /WEBSITE_INSTANCE_ID/],
    [{ IDENTITY_ENDPOINT: 'http://169.254.255.2:8081/msi/token', IDENTITY_HEADER: 'x' }, /IDENTITY_ENDPOINT/],
    [{ WEBSITE_SITE_NAME: 'los-func', FUNCTIONS_WORKER_RUNTIME: 'node' }, /WEBSITE_SITE_NAME/],
  ])('on an Azure host (%j), even without dev mode', async (markers, message) => {
    Object.assign(process.env, markers);
    await expect(startLocalStack({ port: 0 })).rejects.toThrow(message);
    await expect(startLocalStack({ port: 0, devMode: false })).rejects.toThrow(/refuses to run on an Azure host/);
  });
});
