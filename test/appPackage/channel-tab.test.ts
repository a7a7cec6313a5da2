import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_PACKAGE_DIR, fillManifest, validateAgainstBundledSchema } from '../../appPackage/build.js';

const template = readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
const vars = {
  TEAMS_APP_ID: '6f1c2a3b-1111-4222-8333-944455556666',
  AAD_APP_CLIENT_ID: '0a1b2c3d-aaaa-4bbb-8ccc-123456789abc',
  TAB_DOMAIN: 'lineofsight.contoso.com',
  TAB_ENDPOINT: 'https://lineofsight.contoso.com/tab',
  DEVELOPER_NAME: 'Contoso',
  DEVELOPER_WEBSITE_URL: 'https://www.contoso.com',
  PRIVACY_URL: 'https://www.contoso.com/privacy',
  TERMS_OF_USE_URL: 'https://www.contoso.com/terms',
};

describe('the channel tab in the manifest', () => {
  it('is a team-scoped channel tab whose configuration page is the tab with ?view=config, on a valid domain', async () => {
    const manifest = fillManifest(template, vars) as {
      configurableTabs: { configurationUrl: string; scopes: string[]; context: string[] }[];
      validDomains: string[];
    };
    expect(manifest.configurableTabs).toHaveLength(1);
    const [tab] = manifest.configurableTabs;
    expect(tab?.configurationUrl).toBe('https://lineofsight.contoso.com/tab/index.html?view=config');
    expect(tab?.scopes).toEqual(['team']);
    expect(tab?.context).toEqual(['channelTab']);
    expect(manifest.validDomains).toContain(new URL(tab?.configurationUrl ?? '').host);
    expect(await validateAgainstBundledSchema(manifest)).toEqual([]);
  });
});
