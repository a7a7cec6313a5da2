import { describe, expect, it } from 'vitest';
import { escapeHtml, languageOf, surveyFormPage, surveyMessagePage } from '../../../api/src/domain/survey/survey-page.js';
import { couldSay, linkIdOf, newLinkToken, waveFigures, type AnswerRecord } from '../../../api/src/domain/survey/survey-results.js';

const reference = { mission: 'Deliver every promise on time for the people who depend on our freight.', differentiator: 'We tell customers about delays before they ask.' };
const answer = (standsFor: string, consistency: number, segment: string | null = 'business'): AnswerRecord => ({ standsFor, different: 'They warn us about delays before we ask', consistency, segment });

describe('customer survey figures', () => {
  it('counts who could say what the company stands for; "I don’t know" and one word do not count', () => {
    expect(couldSay('Delivering freight on time, every promise kept')).toBe(true);
    expect(couldSay("I don't know")).toBe(false);
    expect(couldSay('logistics')).toBe(false);
  });

  it('shows nothing below k, and figures with closeness to the mission from k on', () => {
    const few = [answer('On-time freight delivery', 4), answer('No idea', 2)];
    expect(waveFigures(few, reference, 5)).toMatchObject({ respondents: 2, couldSayShare: null, closenessToMission: null, consistency: { mean: null }, bySegment: [] });
    const many = [...few, answer('They keep every delivery promise on time', 5), answer('Freight you can depend on', 4), answer('Cheap trucks', 3)];
    const figures = waveFigures(many, reference, 5);
    expect(figures.couldSayShare).toBe(0.8);
    expect(figures.consistency).toEqual({ mean: 3.6, distribution: [0, 1, 1, 2, 1] });
    expect(figures.closenessToMission).toBeGreaterThan(0);
    expect(figures.closenessToDifferentiator).toBeGreaterThan(0.2);
  });

  it('hides a segment below k, and one more when the hidden remainder would be smaller than k', () => {
    const answers = [...Array.from({ length: 6 }, () => answer('Freight on time always', 4, 'business')), ...Array.from({ length: 5 }, () => answer('Freight on time always', 5, 'consumer')), answer('Freight on time always', 1, 'partner')];
    const segments = Object.fromEntries(waveFigures(answers, reference, 5).bySegment.map((entry) => [entry.segment, entry.respondents]));
    expect(segments).toEqual({ business: 6, consumer: null, partner: null });
  });
});

describe('the public page and its link', () => {
  it('has an unguessable token (256 bits) and looks it up by its hash only', () => {
    const token = newLinkToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newLinkToken()).not.toBe(token);
    expect(linkIdOf(token)).not.toContain(token);
  });

  it('escapes what anyone typed, has no script, and speaks English or French', () => {
    const page = surveyFormPage({ lang: 'fr', company: '<script>alert(1)</script>', title: 'Vague "1"', action: '/api/public/surveys/x/answers' });
    expect(page).not.toContain('<script');
    expect(page).toContain('&lt;script&gt;');
    expect(page).toContain('lang="fr"');
    expect(escapeHtml(`a&<>"'`)).toBe('a&amp;&lt;&gt;&quot;&#39;');
    expect(languageOf(null, 'fr-FR,fr;q=0.9')).toBe('fr');
    expect(languageOf('en', 'fr-FR')).toBe('en');
    expect(languageOf(null, null)).toBe('en');
  });

  it('speaks German and Arabic too, right to left for Arabic, chosen by the browser’s weighted languages', () => {
    expect(languageOf(null, 'it-IT,de-CH;q=0.8,en;q=0.5')).toBe('de');
    expect(languageOf(null, 'en;q=0.2,ar-EG')).toBe('ar');
    expect(languageOf(null, 'ja-JP,*;q=0.1')).toBe('en');
    expect(languageOf('ar', 'de-DE')).toBe('ar');
    expect(languageOf('xx', 'de-DE')).toBe('de');

    const arabic = surveyFormPage({ lang: 'ar', company: 'Contoso', title: 'استطلاع', action: '/api/public/surveys/x/answers' });
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
    expect(arabic).toContain('ما الذي يجعل Contoso مختلفة بالنسبة إليك؟');
    expect(arabic).toContain('<input type="hidden" name="lang" value="ar">');
    const german = surveyFormPage({ lang: 'de', company: 'Contoso', title: 'Umfrage', action: '/api/public/surveys/x/answers' });
    expect(german).toContain('<html lang="de" dir="ltr">');
    expect(german).toContain('Wofür steht Contoso?');
    expect(german).toContain('Bis zu 500 Zeichen.');
    expect(surveyMessagePage('de', 'thanks')).toContain('Danke. Ihre Antwort ist angekommen.');
    expect(surveyMessagePage('ar', 'closed')).toContain('dir="rtl"');
  });
});
