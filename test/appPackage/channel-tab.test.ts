import { describe, expect, it } from 'vitest';
import { fillManifest, validateAgainstBundledSchema } from '../../appPackage/build.js';
import { MANIFEST_TEMPLATE, SAMPLE_MANIFEST_VARS } from './filled-manifest.js';

const template = MANIFEST_TEMPLATE;
const vars = SAMPLE_MANIFEST_VARS;

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
