/**
 * The words pulses and the sign-up wizard build outside their components (issue 14), with worked
 * examples in English, German and Arabic: plurals, percentages and the agreement scale; an import's
 * preview; the sign-up's own refusals; and the language the small pages outside the tab pick.
 */
import type { ImportResult } from '@contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../tabs/src/app/api-client';
import { CONSENT_TEXT } from '../../tabs/src/consent/consent-text';
import { consentOutcome } from '../../tabs/src/consent/consent-pages';
import { pageLanguage } from '../../tabs/src/consent/page-language';
import { pulsesText } from '../../tabs/src/features/pulses/messages';
import { agreementScale, meanText, responseRateText, shareText, starterStatements } from '../../tabs/src/features/pulses/pulse-text';
import { signupErrorText } from '../../tabs/src/features/signup/hooks/use-step-action';
import { signupText } from '../../tabs/src/features/signup/messages';
import { importPreviewText, starterTemplates } from '../../tabs/src/features/signup/signup-text';
import { STARTER_TEMPLATES } from '../../api/src/shared/signup-templates';
import { speak } from './support/speak';

afterAll(() => speak('en-US'));

const preview = (errors: ImportResult['errors'], summary = { create: 2, update: 1, archive: 0 }) => ({ errors, summary }) as unknown as ImportResult;
const rowErrors: ImportResult['errors'] = [
  { row: 3, field: 'title', message: 'Give the strategy a title' },
  { row: null, field: 'file', message: 'Unknown column' },
] as ImportResult['errors'];

describe('pulse words', () => {
  it('in English: the scale, the starter set, shares and what is hidden', async () => {
    await speak('en-US');
    expect(agreementScale()).toEqual(['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree']);
    expect(starterStatements()[0]).toBe('I know what we stand for.');
    expect(shareText(0.426)).toBe('43%');
    expect(shareText(null)).toBe('Hidden');
    expect(responseRateText(5, 13)).toBe('38%');
    expect(responseRateText(null, 13)).toBe('Hidden');
    expect(meanText(3.456)).toBe('3.5');
    expect(meanText(null)).toBe('Hidden (too few answers)');
    expect(pulsesText.text('answer.missing', { count: 1 })).toBe('Answer every statement first (1 left).');
    expect(pulsesText.text('answer.commentHint', { max: 1000 })).toBe('Up to 1,000 characters.');
  });

  it('in German: Sie-form, German percentages and decimals', async () => {
    await speak('de-DE');
    expect(agreementScale()[4]).toBe('Stimme voll und ganz zu');
    expect(shareText(0.426)).toBe('43\u00a0%');
    expect(meanText(3.456)).toBe('3,5');
    expect(pulsesText.text('answer.missing', { count: 2 })).toBe('Beantworten Sie zuerst alle Aussagen (noch 2).');
    expect(pulsesText.text('schedule.thresholdNote', { threshold: 5 })).toMatch(/^Ergebnisse werden nur für Gruppen ab 5 Personen angezeigt;/);
  });

  it('in Arabic: every plural form, Arabic digits and percent sign', async () => {
    await speak('ar-SA');
    expect(agreementScale()[0]).toBe('أعارض بشدة');
    expect(shareText(0.5)).toMatch(/^٥٠\s?٪/);
    const missing = (count: number) => pulsesText.text('answer.missing', { count });
    expect(missing(1)).toBe('أجب عن جميع العبارات أولًا (بقيت عبارة واحدة).');
    expect(missing(2)).toBe('أجب عن جميع العبارات أولًا (بقيت عبارتان).');
    expect(missing(3)).toBe('أجب عن جميع العبارات أولًا (بقيت ٣ عبارات).');
    expect(missing(11)).toBe('أجب عن جميع العبارات أولًا (بقيت ١١ عبارة).');
    expect(pulsesText.text('answer.anonymous', { threshold: 5, date: 'D' })).toContain('لا يقل عددها عن ٥ أشخاص. مفتوح حتى D.');
  });
});

describe('sign-up words', () => {
  it('an import preview: what would change, or each problem with its row', async () => {
    await speak('en-US');
    expect(importPreviewText(preview([]), 'map.csv')).toBe('map.csv: 2 new, 1 changed, 0 removed.');
    expect(importPreviewText(preview(rowErrors), 'map.csv')).toBe('The file has 2 problems: row 3, title: Give the strategy a title; file: Unknown column');
    expect(signupText.text('strategies.saved', { count: 1 })).toBe('1 strategy saved.');
    await speak('de-DE');
    expect(importPreviewText(preview([]), 'map.csv')).toBe('map.csv: 2 neu, 1 geändert, 0 entfernt.');
    expect(importPreviewText(preview(rowErrors.slice(0, 1)), 'map.csv')).toBe('Die Datei hat 1 Problem: Zeile 3, title: Give the strategy a title');
    await speak('ar-SA');
    expect(signupText.text('teams.saved', { count: 2 })).toBe('تم اختيار فريقين.');
    expect(signupText.text('teams.saved', { count: 5 })).toBe('تم اختيار ٥ فرق.');
    expect(signupText.text('strategies.saved', { count: 12 })).toBe('تم حفظ ١٢ استراتيجية.');
  });

  it('the starter templates: the contract’s words in English, the admin’s language otherwise', async () => {
    await speak('en-US');
    expect(starterTemplates()).toEqual(STARTER_TEMPLATES);
    await speak('de-DE');
    const [service] = starterTemplates();
    expect(service!.name).toBe('Kundendienstorientiertes Unternehmen');
    expect(service!.strategies[0]).toEqual({ title: 'Pünktlich liefern, jedes Mal', why: 'Verspätete Lieferungen sind der Hauptgrund, warum Kunden uns verlassen.', customerImpact: 'Kunden können sich auf uns verlassen und danach planen.', measures: ['Quote pünktlicher Lieferungen'] });
    await speak('ar-SA');
    expect(starterTemplates()[1]!.strategies.map((strategy) => strategy.title)).toEqual(['بناء ما يطلبه العملاء', 'دخول سوق جديدة واحدة']);
  });

  it('the sign-up’s own refusals: the API’s title and detail inside the reader’s sentence', async () => {
    await speak('de-DE');
    const stale = new ApiError('http', 'x', { status: 412, problem: { type: '', title: 'Precondition failed', status: 412, code: 'precondition_failed', detail: '' } });
    expect(signupErrorText(stale)).toBe('Jemand anderes hat die Einrichtung zwischenzeitlich geändert. Diese Version wird jetzt angezeigt; prüfen Sie sie, und speichern Sie erneut.');
    const busy = new ApiError('http', 'x', { status: 503, problem: { type: '', title: 'Microsoft 365 antwortet nicht', status: 503, code: 'graph_unavailable', detail: '' } });
    expect(signupErrorText(busy)).toBe('Microsoft 365 antwortet nicht. Versuchen Sie es gleich noch einmal.');
    const consent = new ApiError('http', 'x', { status: 409, problem: { type: '', title: 'Erst zustimmen', status: 409, code: 'consent_missing', detail: 'Es fehlt die Zustimmung.' } });
    expect(signupErrorText(consent)).toBe('Erst zustimmen. Es fehlt die Zustimmung.');
  });
});

describe('the small pages outside the tab', () => {
  it('pick the first of the browser’s languages the tab speaks, else English', () => {
    expect(pageLanguage(['fr-FR', 'de-AT', 'en-US'])).toBe('de');
    expect(pageLanguage(['ar-EG'])).toBe('ar');
    expect(pageLanguage(['he-IL', 'fr'])).toBe('en');
    expect(pageLanguage([])).toBe('en');
  });

  it('consent-complete says a refusal in the page’s language', () => {
    expect(consentOutcome('?error=access_denied', CONSENT_TEXT.de)).toEqual({ ok: false, reason: 'Die Berechtigungen wurden nicht erteilt.' });
    expect(consentOutcome('?error=interaction_required', CONSENT_TEXT.ar)).toEqual({ ok: false, reason: 'interaction_required' });
    expect(consentOutcome('', CONSENT_TEXT.ar)).toEqual({ ok: false, reason: 'لم تُبيّن صفحة الأذونات ما إذا كانت قد مُنحت.' });
  });
});
