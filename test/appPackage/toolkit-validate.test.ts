/**
 * A second, official opinion on the app manifest: the Microsoft 365 Agents Toolkit CLI (`atk validate
 * --manifest-file`, offline) fills the template from an env file the way `atk deploy` does and checks
 * it against its schema and validation rules. Plus the activity types: what the manifest declares is
 * what the notification code sends, parameter for parameter.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_PACKAGE_DIR } from '../../appPackage/build.js';
import * as notificationContent from '../../api/src/notifications/notification-content.js';
import type { NotificationContent } from '../../api/src/notifications/outbox.js';
import { TOOLKIT_CLI } from '../deploy/support/toolkit.js';

const run = promisify(execFile);
const SAMPLE_ENV = {
  TEAMS_APP_ID: '6f1c2a3b-1111-4222-8333-944455556666',
  AAD_APP_CLIENT_ID: '0a1b2c3d-aaaa-4bbb-8ccc-123456789abc',
  TAB_DOMAIN: 'lively-sea-0123.azurestaticapps.net',
  TAB_ENDPOINT: 'https://lively-sea-0123.azurestaticapps.net/tab',
  DEVELOPER_NAME: 'Contoso',
  DEVELOPER_WEBSITE_URL: 'https://www.contoso.com',
  PRIVACY_URL: 'https://www.contoso.com/privacy',
  TERMS_OF_USE_URL: 'https://www.contoso.com/terms',
};
const template = readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');

const work = mkdtempSync(join(tmpdir(), 'los-atk-validate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `atk validate` on a manifest template in a folder of its own; never throws, reports the outcome. */
async function atkValidate(name: string, manifest: string): Promise<{ code: number; output: string }> {
  const dir = join(work, name);
  mkdirSync(join(dir, 'home'), { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), manifest);
  for (const icon of ['color.png', 'outline.png', 'de.json', 'ar.json']) copyFileSync(join(APP_PACKAGE_DIR, icon), join(dir, icon));
  writeFileSync(join(dir, '.env.test'), Object.entries(SAMPLE_ENV).map(([k, v]) => `${k}=${v}`).join('\n'));
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [TOOLKIT_CLI, 'validate', '--manifest-file', join(dir, 'manifest.json'), '--env-file', join(dir, '.env.test'), '--interactive', 'false', '--telemetry', 'false'],
      // Its own HOME: the CLI keeps state there, and nothing of the machine's user may leak in or out.
      { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: join(dir, 'home'), USERPROFILE: join(dir, 'home') }, timeout: 120_000 },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

let valid: { code: number; output: string };
let broken: { code: number; output: string };
beforeAll(async () => {
  // One run each (they take seconds), side by side.
  [valid, broken] = await Promise.all([atkValidate('valid', template), atkValidate('broken', template.replace('"accentColor": "#2457A6"', '"accentColor": "blue"'))]);
}, 180_000);

describe('atk validate (Microsoft 365 Agents Toolkit CLI)', () => {
  it('passes the manifest template, filled from an env file, against its schema and rules', () => {
    expect(valid.output).toContain('All passed');
    expect(valid.code).toBe(0);
  });

  it('fails a broken manifest and names the field (so the check above can fail)', () => {
    expect(broken.code).not.toBe(0);
    expect(broken.output).toMatch(/accentColor/);
  });
});

describe('activity types', () => {
  type ActivityType = { type: string; templateText: string };
  const declared = (JSON.parse(template) as { activities: { activityTypes: ActivityType[] } }).activities.activityTypes;
  // Every notification the code can send comes from one of these builders; a fourth argument is the
  // reminders' day or the pulse's number of statements.
  const builders = Object.entries(notificationContent).filter(([name, value]) => name.endsWith('Content') && typeof value === 'function') as Array<
    [string, (title: string, due: string, url: string, extra: string | number) => NotificationContent]
  >;
  const sent = builders.map(([name, build]) => build('Welcome to Contoso', '2026-02-01', 'https://teams.microsoft.com/l/entity/x/y', name === 'pulseOpenedContent' ? 5 : '2026-01-30'));

  it('declares exactly the activity types the code sends', () => {
    expect(builders.length).toBeGreaterThanOrEqual(2);
    expect(declared.map((a) => a.type).sort()).toEqual([...new Set(sent.map((c) => c.activityType))].sort());
  });

  it('fills every parameter of each template, and only those ({actor} is filled by Teams)', () => {
    for (const content of sent) {
      const templateText = declared.find((a) => a.type === content.activityType)?.templateText ?? '';
      const parameters = [...templateText.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((p) => p !== 'actor');
      expect(Object.keys(content.templateParameters).sort(), content.activityType).toEqual(parameters.sort());
    }
  });
});
