/**
 * Issue 14 for mission pulses in real Chromium: an employee answers a pulse in German and in Arabic
 * (right to left, mirrored, nothing sticking out sideways at 360 px), axe-clean; in the pseudo-locale
 * every word on the pulse view comes from a catalogue or from the API; a leader reads the results in
 * Arabic. The pulse is opened, closed and partly answered through the API, as other people's Teams
 * clients would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { pseudoLocalise } from '../../tabs/lingui-catalogues.js';
import { devToken, startE2eEnvironmentWithGraph } from './support/onboarding-setup.js';
import { PSEUDO, documentLanguage, overflowsSideways, recordApiStrings, untranslatedTexts } from './support/i18n.js';
import { axeViolations, openTab, type E2eEnvironment } from './support/tab-session.js';

let env: E2eEnvironment;
let pulseId = '';
const { aisha, ben, chiara, jonas, nadia, daniel, elena } = CONTOSO_IDS.people;
const TITLE = 'How well do we know our mission?';
const STATEMENTS = ['I know what we stand for.', 'I see how my work serves our strategies.', 'My leader talks about why our work matters.'];

async function api(userId: string, path: string, body: object): Promise<Response> {
  const token = await devToken(env.stack.url, CONTOSO_IDS.tenant, userId);
  return fetch(`${env.stack.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

beforeAll(async () => {
  env = await startE2eEnvironmentWithGraph();
  const closesAt = new Date(new Date(env.now()).getTime() + 3 * 86_400_000).toISOString();
  const opened = await api(aisha, '/api/pulses', { title: TITLE, statements: STATEMENTS.map((text) => ({ text })), closesAt });
  expect(opened.status).toBe(201);
  pulseId = ((await opened.json()) as { id: string }).id;
});

afterAll(async () => {
  await env?.close();
});

describe('answering a mission pulse in the language Teams is set to', () => {
  it('in German: German questions and scale, dates in German, axe-clean', async () => {
    const { context, page, tab } = await openTab(env, ben, { locale: 'de-DE' });
    try {
      await tab.getByRole('tab', { name: 'Missions-Puls' }).click();
      await tab.getByRole('link', { name: `„${TITLE}“ beantworten` }).click();
      await expect.poll(() => tab.getByRole('heading', { level: 2, name: TITLE }).count()).toBe(1);
      expect(await documentLanguage(tab)).toEqual({ lang: 'de-DE', dir: 'ltr' });
      await expect.poll(() => tab.getByText(/^Anonym: Ihre Antwort wird ohne Ihren Namen gespeichert/).textContent()).toMatch(/ab 5 Personen angezeigt\. Offen bis \d{1,2}\.\d{2}\.\d{4}\./);
      expect(await axeViolations(page)).toEqual([]);
      await tab.getByRole('button', { name: 'Meine Antwort senden' }).click();
      await expect.poll(() => tab.getByRole('alert').textContent()).toBe('Beantworten Sie zuerst alle Aussagen (noch 3).');
      for (const statement of STATEMENTS) await tab.getByRole('radiogroup', { name: statement }).getByRole('radio', { name: 'Stimme zu', exact: true }).check();
      await tab.getByRole('button', { name: 'Meine Antwort senden' }).click();
      await expect.poll(() => tab.getByRole('status').filter({ hasText: 'Ihre Antwort ist eingegangen' }).count()).toBe(1);
      await expect.poll(() => tab.locator('section[aria-labelledby="open-pulses"]').textContent()).toContain(`${TITLE}: beantwortet, vielen Dank.`);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('in Arabic at 360 px: right to left, the scale mirrored, nothing overflowing sideways, axe-clean', async () => {
    const { context, page, tab } = await openTab(env, chiara, { locale: 'ar-SA', viewport: { width: 360, height: 740 } });
    try {
      await tab.getByRole('tab', { name: 'نبض الرسالة' }).click();
      await tab.getByRole('link', { name: `أجب عن «${TITLE}»` }).click();
      await expect.poll(() => tab.getByRole('heading', { level: 2, name: TITLE }).count()).toBe(1);
      expect(await documentLanguage(tab)).toEqual({ lang: 'ar-SA', dir: 'rtl' });
      const scale = tab.getByRole('radiogroup', { name: STATEMENTS[0] });
      await expect.poll(() => scale.getByRole('radio', { name: 'أعارض بشدة', exact: true }).count()).toBe(1);
      // Arabic reads from the right: "strongly disagree" comes first, at the right.
      const [first, second] = [await scale.getByRole('radio').nth(0).boundingBox(), await scale.getByRole('radio').nth(1).boundingBox()];
      if (first!.y === second!.y) expect(first!.x).toBeGreaterThan(second!.x);
      else expect(first!.x + first!.width).toBeGreaterThanOrEqual(second!.x + second!.width);
      expect(await overflowsSideways(tab)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
      for (const statement of STATEMENTS) await tab.getByRole('radiogroup', { name: statement }).getByRole('radio', { name: 'أوافق', exact: true }).check();
      await tab.getByRole('button', { name: 'إرسال إجابتي' }).click();
      await expect.poll(() => tab.getByRole('status').filter({ hasText: 'وصلت إجابتك' }).count()).toBe(1);
      expect(await overflowsSideways(tab)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('in the pseudo-locale, the pulse view has no text outside the catalogues and the API’s data', async () => {
    let apiStrings = new Set<string>();
    const { context, tab } = await openTab(env, jonas, { locale: PSEUDO, beforeOpen: (page) => (apiStrings = recordApiStrings(page)) });
    try {
      await tab.getByRole('tab', { name: `⟦${pseudoLocalise('Mission pulse')}⟧` }).click();
      await tab.getByRole('link', { name: `⟦${pseudoLocalise('Answer “')}${TITLE}${pseudoLocalise('”')}⟧` }).click();
      await expect.poll(() => tab.getByRole('heading', { level: 2, name: TITLE }).count()).toBe(1);
      await tab.getByRole('button', { name: `⟦${pseudoLocalise('Send my answer')}⟧` }).click();
      await expect.poll(() => tab.getByRole('alert').count()).toBe(1);
      expect(await untranslatedTexts(tab.locator('body'), apiStrings)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a leader reads the results in Arabic: tables, figures and chart, axe-clean', async () => {
    for (const person of [nadia, daniel, elena]) {
      expect((await api(person, `/api/pulses/${pulseId}/responses`, { answers: STATEMENTS.map((_, index) => ({ statementId: `s${index + 1}`, value: 5 })) })).status).toBe(201);
    }
    expect((await api(aisha, `/api/pulses/${pulseId}/close`, {})).status).toBe(200);
    const { context, page, tab } = await openTab(env, aisha, { locale: 'ar-SA' });
    try {
      await tab.getByRole('tab', { name: 'نبض الرسالة' }).click();
      await tab.getByRole('link', { name: `نتائج ${TITLE}` }).click();
      const groups = tab.getByRole('table', { name: 'الإجابات حسب المجموعة' });
      await expect.poll(() => groups.getByRole('row').count(), { timeout: 15_000 }).toBeGreaterThan(1);
      await expect.poll(() => groups.getByRole('columnheader').first().textContent()).toBe('المجموعة');
      // Percentages in Arabic's digits and sign.
      await expect.poll(() => groups.getByRole('row').nth(1).textContent()).toMatch(/٪/);
      await expect.poll(() => tab.locator('svg').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a leader’s pulses and the form to send one, in Arabic at 360 px: the starter set in Arabic, nothing overflowing sideways, axe-clean', async () => {
    const { context, page, tab } = await openTab(env, aisha, { locale: 'ar-SA', viewport: { width: 360, height: 740 } });
    try {
      await tab.getByRole('tab', { name: 'نبض الرسالة' }).click();
      await expect.poll(() => tab.getByRole('textbox', { name: 'العبارة ١' }).inputValue()).toBe('أعرف ما الذي نمثّله.');
      await expect.poll(() => tab.getByRole('table', { name: 'كل استطلاعات النبض' }).getByRole('row').count()).toBe(2);
      expect(await overflowsSideways(tab)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
