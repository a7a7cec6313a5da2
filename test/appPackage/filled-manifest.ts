/** The app manifest template filled with sample values, as the package build fills it: shared by the manifest tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_PACKAGE_DIR, fillManifest } from '../../appPackage/build.js';

export const MANIFEST_TEMPLATE = readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');

export const SAMPLE_MANIFEST_VARS = {
  TEAMS_APP_ID: '6f1c2a3b-1111-4222-8333-944455556666',
  AAD_APP_CLIENT_ID: '0a1b2c3d-aaaa-4bbb-8ccc-123456789abc',
  TAB_DOMAIN: 'lineofsight.contoso.com',
  TAB_ENDPOINT: 'https://lineofsight.contoso.com/tab',
  DEVELOPER_NAME: 'Contoso',
  DEVELOPER_WEBSITE_URL: 'https://www.contoso.com',
  PRIVACY_URL: 'https://www.contoso.com/privacy',
  TERMS_OF_USE_URL: 'https://www.contoso.com/terms',
};

export const filledManifest = (): Record<string, unknown> => fillManifest(MANIFEST_TEMPLATE, SAMPLE_MANIFEST_VARS);
