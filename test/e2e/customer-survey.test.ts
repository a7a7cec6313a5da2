/**
 * Issue 11, customers' awareness, in real Chromium: a customer opens the public survey link (outside
 * Teams, no sign-in) on a 360 px screen, answers with the keyboard-usable plain form, and gets a
 * thank-you page. No script runs on the page; it fits the width; axe-clean. In Arabic it reads right to left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { getServices } from '../../api/src/services.js';
import { newIsolatedContext } from '../support/browser.js';
import { devToken } from './support/onboarding-setup.js';
import { startE2eEnvironment, type E2eEnvironment } from './support/tab-session.js';
import AxeBuilder from '@axe-core/playwright';

let env: E2eEnvironment;
let publicPath = '';
let waveId = '';

beforeAll(async () => {
  env = await startE2eEnvironment();
  const token = await devToken(env.stack.url, CONTOSO_IDS.tenant, CONTOSO_IDS.people.aisha);
  const response = await fetch(`${env.stack.url}/api/surveys`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ title: 'How do you see Contoso?' }) });
  const wave = (await response.json()) as { id: string; publicPath: string };
  publicPath = wave.publicPath;
  waveId = wave.id;
});

afterAll(async () => env?.close());

describe('the public customer survey', () => {
  it('a customer answers on a 360 px screen, without signing in, and is thanked', { timeout: 90_000 }, async () => {
    const context = await newIsolatedContext(env.browser, { viewport: { width: 360, height: 740 } });
    try {
      const page = await context.newPage();
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(request.url());
      });
      await page.goto(`${env.stack.url}${publicPath}`);
      await expect.poll(() => page.getByRole('heading', { level: 1, name: 'How do you see Contoso?' }).count()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect((await new AxeBuilder({ page }).analyze()).violations.map((violation) => violation.id)).toEqual([]);

      await page.getByLabel(/what does Contoso Logistics stand for/).fill('Deliveries that arrive when they promised');
      await page.getByLabel(/What makes Contoso Logistics different for you/).fill('They call before a delay, not after');
      await page.getByRole('radio', { name: '4' }).check();
      await page.getByLabel(/Which best describes you/).selectOption('business');
      await page.getByRole('button', { name: 'Send' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Thank you');
      expect((await new AxeBuilder({ page }).analyze()).violations.map((violation) => violation.id)).toEqual([]);
      expect(scripts).toEqual([]);

      const stored = await getServices().surveys.listAnswers(CONTOSO_IDS.tenant, waveId);
      expect(stored.filter((doc) => doc.standsFor === 'Deliveries that arrive when they promised')).toHaveLength(1);
      expect(stored.find((doc) => doc.standsFor === 'Deliveries that arrive when they promised')).toMatchObject({ consistency: 4, segment: 'business' });
    } finally {
      await context.close();
    }
  });

  it('an Arabic-speaking customer gets the page right to left in Arabic, answers by keyboard, and is thanked in Arabic', { timeout: 90_000 }, async () => {
    const context = await newIsolatedContext(env.browser, { viewport: { width: 360, height: 740 }, locale: 'ar-EG', extraHTTPHeaders: { 'Accept-Language': 'ar-EG,ar;q=0.9,en;q=0.5' } });
    try {
      const page = await context.newPage();
      await page.goto(`${env.stack.url}${publicPath}`);
      await expect.poll(() => page.getByRole('heading', { level: 1, name: 'How do you see Contoso?' }).count()).toBe(1);
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir, getComputedStyle(document.body).direction])).toEqual(['ar', 'rtl', 'rtl']);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect((await new AxeBuilder({ page }).analyze()).violations.map((violation) => violation.id)).toEqual([]);

      await page.getByLabel('بكلماتك: ما الذي تمثّله Contoso Logistics؟').fill('الالتزام بمواعيد التسليم');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.type('يتصلون قبل أي تأخير');
      await page.getByRole('radio', { name: '5 — تمامًا' }).check();
      await page.getByRole('button', { name: 'إرسال' }).press('Enter');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('شكرًا لك. وصلت إجابتك.');
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');

      const stored = await getServices().surveys.listAnswers(CONTOSO_IDS.tenant, waveId);
      expect(stored.find((doc) => doc.standsFor === 'الالتزام بمواعيد التسليم')).toMatchObject({ different: 'يتصلون قبل أي تأخير', consistency: 5 });
    } finally {
      await context.close();
    }
  });
});
