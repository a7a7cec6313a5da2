/**
 * The azd hooks and the federated-credential script (infra/hooks): the decisions they make, and the
 * hooks run for real in a child process with stand-ins for `npx` (the toolkit) and `azd` on the PATH.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv, promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CREDENTIAL_NAME, desiredCredential, planFederatedCredential, TOKEN_EXCHANGE_AUDIENCE, type FederatedCredential } from '../../infra/hooks/federated-credential.js';
import { assertEnvironmentName, environmentFilePath, requireValues } from '../../infra/hooks/toolkit-env.js';
import { REPO_ROOT } from './bicep.js';

const run = promisify(execFile);
const TENANT = '72f988bf-0000-4000-8000-000000000001';
const IDENTITY = '5a1c7e2d-1111-4222-8333-944455556666';

describe('federated credential', () => {
  const desired = desiredCredential(TENANT, IDENTITY);

  it('trusts the managed identity of the tenant: issuer, subject (object id), token exchange audience', () => {
    expect(desired).toMatchObject({
      name: CREDENTIAL_NAME,
      issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      subject: IDENTITY,
      audiences: ['api://AzureADTokenExchange'],
    });
    expect(TOKEN_EXCHANGE_AUDIENCE).toBe('api://AzureADTokenExchange');
  });

  it('is created when the app has none', () => {
    expect(planFederatedCredential([], desired)).toEqual({ action: 'create', body: desired });
  });

  it('is left alone when one already trusts the identity, whatever its name (Entra refuses duplicates)', () => {
    const existing: FederatedCredential = { id: 'f1', name: 'added-by-hand', issuer: desired.issuer, subject: IDENTITY, audiences: [TOKEN_EXCHANGE_AUDIENCE] };
    expect(planFederatedCredential([existing], desired).action).toBe('none');
  });

  it('is updated when the identity was replaced (new object id), keeping its name', () => {
    const old: FederatedCredential = { id: 'f2', name: CREDENTIAL_NAME, issuer: desired.issuer, subject: 'an-older-identity', audiences: [TOKEN_EXCHANGE_AUDIENCE] };
    expect(planFederatedCredential([old], desired)).toEqual({ action: 'update', id: 'f2', body: { issuer: desired.issuer, subject: IDENTITY, audiences: [TOKEN_EXCHANGE_AUDIENCE] } });
  });

  it('does not count a credential for another audience as trust', () => {
    const other: FederatedCredential = { id: 'f3', name: 'github', issuer: desired.issuer, subject: IDENTITY, audiences: ['api://Something'] };
    expect(planFederatedCredential([other], desired).action).toBe('create');
  });
});

describe('hook helpers', () => {
  it('refuses environment names that could escape env/', () => {
    expect(assertEnvironmentName('prod')).toBe('prod');
    expect(() => assertEnvironmentName('../x')).toThrow();
    expect(() => assertEnvironmentName(undefined)).toThrow();
  });

  it('names every missing value at once', () => {
    expect(() => requireValues({ A: '1', B: ' ' }, ['A', 'B', 'C'], 'The environment')).toThrow('The environment lacks B, C');
    expect(requireValues({ A: ' 1 ' }, ['A'], 'x')).toEqual({ A: '1' });
  });
});

describe('hooks, run as azd runs them', () => {
  const bin = mkdtempSync(join(tmpdir(), 'los-hooks-bin-'));
  const log = join(bin, 'calls.log');
  const envName = `t${process.pid}`;
  afterAll(() => {
    rmSync(bin, { recursive: true, force: true });
    rmSync(environmentFilePath(envName), { force: true });
  });
  // Stand-ins: record every call; `npx atk provision` writes the ids the real toolkit would.
  writeFileSync(
    join(bin, 'npx'),
    `#!/bin/sh\necho "npx $*" >> "${log}"\nif [ "$3" = provision ]; then\n` +
      `  sed -i 's/^AAD_APP_CLIENT_ID=.*/AAD_APP_CLIENT_ID=0a1b2c3d-aaaa-4bbb-8ccc-123456789abc/; s/^TEAMS_APP_ID=.*/TEAMS_APP_ID=6f1c2a3b-1111-4222-8333-944455556666/' "${environmentFilePath(envName)}"\nfi\n`,
  );
  writeFileSync(join(bin, 'azd'), `#!/bin/sh\necho "azd $*" >> "${log}"\n`);
  chmodSync(join(bin, 'npx'), 0o755);
  chmodSync(join(bin, 'azd'), 0o755);
  const hook = (name: string, env: Record<string, string>) =>
    run(process.execPath, ['--import', 'tsx', join('infra', 'hooks', `${name}.ts`)], { cwd: REPO_ROOT, env: { PATH: `${bin}:${process.env.PATH ?? ''}`, ...env } });

  it.skipIf(process.platform === 'win32')('preprovision: starts the toolkit environment, provisions, and hands the ids to azd', async () => {
    await hook('preprovision', { AZURE_ENV_NAME: envName });
    expect(existsSync(environmentFilePath(envName))).toBe(true);
    const created = parseEnv(readFileSync(environmentFilePath(envName), 'utf8'));
    expect(created.TEAMSFX_ENV).toBe(envName);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      `npx --no-install atk provision --env ${envName} --interactive false`,
      'azd env set AAD_APP_CLIENT_ID 0a1b2c3d-aaaa-4bbb-8ccc-123456789abc',
      'azd env set TEAMS_APP_ID 6f1c2a3b-1111-4222-8333-944455556666',
    ]);
  });

  it.skipIf(process.platform === 'win32')('postprovision: refuses to run without the Azure outputs, then configures with them', async () => {
    writeFileSync(log, '');
    await expect(hook('postprovision', { AZURE_ENV_NAME: envName, TAB_DOMAIN: 'x.azurestaticapps.net' })).rejects.toThrow(/lacks TAB_ENDPOINT, API_IDENTITY_PRINCIPAL_ID, AZURE_TENANT_ID/);
    expect(readFileSync(log, 'utf8')).toBe('');
    const outputs = { TAB_DOMAIN: 'x.azurestaticapps.net', TAB_ENDPOINT: 'https://x.azurestaticapps.net/tab', API_IDENTITY_PRINCIPAL_ID: IDENTITY, AZURE_TENANT_ID: TENANT };
    await hook('postprovision', { AZURE_ENV_NAME: envName, ...outputs });
    expect(readFileSync(log, 'utf8').trim()).toBe(`npx --no-install atk deploy --env ${envName} --interactive false`);
  });
});
