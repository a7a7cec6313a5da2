/**
 * The notification texts in each language, by worked example: what a German, an Arabic and an
 * English reader sees (preview text, template values), dates in their language, relative days and
 * counts with the right plural form; and whose language a person reads.
 */
import { describe, expect, it } from 'vitest';
import { clientLocaleOf } from '../../../api/src/http/first-request-person.js';
import { batchesOf } from '../../../api/src/notifications/drain-batches.js';
import type { StoredOutboxDocument } from '../../../api/src/data/outbox-repository.js';
import { assignedContent, momentRecognisedContent, tasksRemappedContent } from '../../../api/src/notifications/notification-content.js';
import { formatDay } from '../../../api/src/notifications/notification-format.js';
import { contentIn, notificationLanguageOf, renderNotification, type NotificationLanguage } from '../../../api/src/notifications/notification-text.js';

const URL = 'https://teams.microsoft.com/l/entity/app/line-of-sight-home';
const preview = (language: NotificationLanguage, message: Parameters<typeof renderNotification>[0]) => renderNotification(message, URL, language).previewText;
/** Arabic sentences hold a left-to-right title in its own run: FSI … PDI. */
const iso = (text: string) => `\u2068${text}\u2069`;

describe('an assigned onboarding module', () => {
  const message = { activityType: 'moduleAssigned', moduleTitle: 'Our mission', dueDate: '2026-03-09' } as const;

  it('reads in English, German and Arabic, the due date in each language’s words', () => {
    expect(preview('en', message)).toBe('New onboarding module: Our mission. Due March 9, 2026.');
    expect(preview('de', message)).toBe('Neues Onboarding-Modul: Our mission. Fällig am 9. März 2026.');
    expect(preview('ar', message)).toBe(`وحدة تأهيل جديدة: ${iso('Our mission')}. موعد إنجازها 9 مارس 2026.`);
  });

  it('keeps the title as typed in the topic and the template (Teams writes the template in the reader’s language)', () => {
    const content = renderNotification(message, URL, 'de');
    expect(content).toMatchObject({ activityType: 'moduleAssigned', topic: 'Our mission', webUrl: URL, templateParameters: { moduleTitle: 'Our mission' }, message });
  });

  it('is queued in English with its message, and written in another language from that message', () => {
    const queued = assignedContent('Our mission', '2026-03-09', URL);
    expect(queued.previewText).toBe('New onboarding module: Our mission. Due March 9, 2026.');
    expect(contentIn(queued, 'de').previewText).toBe('Neues Onboarding-Modul: Our mission. Fällig am 9. März 2026.');
    expect(contentIn(queued, 'en')).toEqual(queued);
  });
});

describe('a reminder says how far off the due date is, from the day it is for', () => {
  const on = (day: string) => ({ activityType: 'moduleReminder', moduleTitle: 'Our mission', dueDate: '2026-03-09', day }) as const;

  it('in German', () => {
    expect(preview('de', on('2026-03-06'))).toBe('Erinnerung: Our mission ist in 3 Tagen fällig (9. März 2026).');
    expect(preview('de', on('2026-03-08'))).toBe('Erinnerung: Our mission ist morgen fällig (9. März 2026).');
    expect(preview('de', on('2026-03-09'))).toBe('Erinnerung: Our mission ist heute fällig (9. März 2026).');
    expect(preview('de', on('2026-03-10'))).toBe('Erinnerung: Our mission war gestern fällig (9. März 2026).');
    expect(preview('de', on('2026-02-26'))).toBe('Erinnerung: Our mission ist in 11 Tagen fällig (9. März 2026).');
  });

  it('in Arabic, dual and plural forms included', () => {
    expect(preview('ar', on('2026-03-06'))).toBe(`تذكير: موعد ${iso('Our mission')} خلال 3 أيام (9 مارس 2026).`);
    expect(preview('ar', on('2026-03-08'))).toBe(`تذكير: موعد ${iso('Our mission')} غدًا (9 مارس 2026).`);
    expect(preview('ar', on('2026-02-26'))).toBe(`تذكير: موعد ${iso('Our mission')} خلال 11 يومًا (9 مارس 2026).`);
    expect(preview('ar', on('2026-03-10'))).toBe(`تذكير: كان موعد ${iso('Our mission')} أمس (9 مارس 2026).`);
  });

  it('in English, with the due date in the template in the same words', () => {
    expect(preview('en', on('2026-03-06'))).toBe('Reminder: Our mission is due in 3 days (March 9, 2026).');
    expect(preview('en', on('2026-03-12'))).toBe('Reminder: Our mission was due 3 days ago (March 9, 2026).');
    expect(renderNotification(on('2026-03-06'), URL, 'ar').templateParameters).toEqual({ moduleTitle: 'Our mission', dueDate: '9 مارس 2026' });
    expect(renderNotification(on('2026-03-06'), URL, 'de').templateParameters).toEqual({ moduleTitle: 'Our mission', dueDate: '9. März 2026' });
  });

  it('of an alignment round and of a pulse too', () => {
    const round = { activityType: 'alignmentRoundReminder', question: 'What do you get paid to do?', closesOn: '2026-03-09', day: '2026-03-08' } as const;
    expect(preview('de', round)).toBe('Sie haben noch nicht geantwortet. Die Runde endet morgen (9. März 2026).');
    expect(preview('ar', round)).toBe('لم تُجب بعد. تُغلق الجولة غدًا (9 مارس 2026).');
    expect(renderNotification(round, URL, 'de').templateParameters).toEqual({ question: 'What do you get paid to do?', closesOn: '9. März 2026' });
    const pulse = { activityType: 'pulseReminder', pulseTitle: 'Spring pulse', closesOn: '2026-03-09', day: '2026-03-05' } as const;
    expect(preview('de', pulse)).toBe('Falls Sie noch nicht geantwortet haben: Spring pulse endet in 4 Tagen (9. März 2026).');
    expect(preview('ar', pulse)).toBe(`إن لم تُجب بعد: يُغلق ${iso('Spring pulse')} خلال 4 أيام (9 مارس 2026).`);
  });
});

describe('counts take the plural form of the language', () => {
  const pulse = (statements: number) => ({ activityType: 'pulseOpened', pulseTitle: 'Spring pulse', closesOn: '2026-03-09', statements }) as const;

  it('English and German: one, other', () => {
    expect(preview('en', pulse(1))).toBe('A short anonymous pulse: Spring pulse. 1 statement, open until March 9, 2026.');
    expect(preview('en', pulse(5))).toBe('A short anonymous pulse: Spring pulse. 5 statements, open until March 9, 2026.');
    expect(preview('de', pulse(1))).toBe('Ein kurzer anonymer Puls: Spring pulse. 1 Aussage, offen bis zum 9. März 2026.');
    expect(preview('de', pulse(5))).toBe('Ein kurzer anonymer Puls: Spring pulse. 5 Aussagen, offen bis zum 9. März 2026.');
  });

  it('Arabic: zero, one, two, few (3–10), many (11–99), other (100)', () => {
    expect(preview('ar', pulse(3))).toBe(`نبض قصير مجهول الهوية: ${iso('Spring pulse')}. 3 عبارات، مفتوح حتى 9 مارس 2026.`);
    const forms = [0, 1, 2, 3, 10, 11, 99, 100].map((count) => /\. (.+)، /.exec(preview('ar', pulse(count)))![1]);
    expect(forms).toEqual(['لا عبارات', 'عبارة واحدة', 'عبارتان', '3 عبارات', '10 عبارات', '11 عبارةً', '99 عبارةً', '100 عبارة']);
  });
});

describe('a leader’s re-map, told to the owner', () => {
  const STRATEGY = 'Deliver inside the promised window';
  const HOW = 'Fewer surprises on the dock keep our delivery windows.';
  const remapped = (tasks: number, howItServes = HOW) => ({ activityType: 'tasksRemapped', strategyTitle: STRATEGY, tasks, howItServes }) as const;

  it('says how many of their tasks now serve which strategy, and the sentence, in English and German (one, other)', () => {
    expect(preview('en', remapped(1))).toBe('One of your tasks now serves “Deliver inside the promised window”: Fewer surprises on the dock keep our delivery windows.');
    expect(preview('en', remapped(3))).toBe('3 of your tasks now serve “Deliver inside the promised window”: Fewer surprises on the dock keep our delivery windows.');
    expect(preview('de', remapped(1))).toBe('Eine Ihrer Aufgaben dient jetzt der Strategie „Deliver inside the promised window“: Fewer surprises on the dock keep our delivery windows.');
    expect(preview('de', remapped(3))).toBe('3 Ihrer Aufgaben dienen jetzt der Strategie „Deliver inside the promised window“: Fewer surprises on the dock keep our delivery windows.');
  });

  it('in Arabic: one, two, few (3–10), many (11–99), other (100), the typed texts in their own runs', () => {
    expect(preview('ar', remapped(1))).toBe(`أصبحت مهمة واحدة من مهامك تخدم «${iso(STRATEGY)}»: ${iso(HOW)}`);
    expect(preview('ar', remapped(2))).toBe(`أصبحت مهمتان من مهامك تخدمان «${iso(STRATEGY)}»: ${iso(HOW)}`);
    const forms = [3, 10, 11, 99, 100].map((count) => /^(.+) «/.exec(preview('ar', remapped(count)))![1]);
    expect(forms).toEqual(['أصبحت 3 مهام من مهامك تخدم', 'أصبحت 10 مهام من مهامك تخدم', 'أصبحت 11 مهمةً من مهامك تخدم', 'أصبحت 99 مهمةً من مهامك تخدم', 'أصبحت 100 مهمة من مهامك تخدم']);
  });

  it('names the strategy in the topic and the template, and shortens a long sentence to fit 150 with the strategy kept', () => {
    const long = 'Every late delivery we prevent is a customer who keeps trusting our promised window, and that trust is what the strategy is about, day after day after day.';
    for (const language of ['en', 'de', 'ar'] as const) {
      const content = renderNotification(remapped(2, long), URL, language);
      expect(content).toMatchObject({ activityType: 'tasksRemapped', topic: STRATEGY, templateParameters: { strategyTitle: STRATEGY }, webUrl: URL });
      expect(content.previewText).toHaveLength(150);
      expect(content.previewText).toContain(STRATEGY);
      expect(content.previewText).toContain('Every late delivery');
    }
  });

  it('is queued in English with its message, and written in the owner’s language from it', () => {
    const queued = tasksRemappedContent(STRATEGY, 2, HOW, URL);
    expect(queued.previewText).toBe('2 of your tasks now serve “Deliver inside the promised window”: Fewer surprises on the dock keep our delivery windows.');
    expect(contentIn(queued, 'de').previewText).toBe('2 Ihrer Aufgaben dienen jetzt der Strategie „Deliver inside the promised window“: Fewer surprises on the dock keep our delivery windows.');
  });
});

describe('limits and untranslated texts', () => {
  it('shortens a long title to Graph’s 100 characters, and in the preview to what fits 150 with the date kept, in every language', () => {
    const long = 'A very long module title about how every team serves the strategy and the vision, again and again and again and again';
    for (const language of ['en', 'de', 'ar'] as const) {
      const content = renderNotification({ activityType: 'moduleAssigned', moduleTitle: long, dueDate: '2026-03-09' }, URL, language);
      expect(content.topic).toHaveLength(100);
      expect(content.templateParameters.moduleTitle).toHaveLength(100);
      expect(content.previewText).toHaveLength(150);
      expect(content.previewText).toContain(formatDay('2026-03-09', language));
    }
    expect(preview('en', { activityType: 'moduleAssigned', moduleTitle: long, dueDate: '2026-03-09' })).toBe(
      'New onboarding module: A very long module title about how every team serves the strategy and the vision, again and again and agai…. Due March 9, 2026.',
    );
  });

  it('a moment’s recognition is only what people wrote: sent as stored in every language', () => {
    const content = momentRecognisedContent('Customers first', 'Thanks for staying late for the Fabrikam launch.', URL);
    expect(content.message).toBeUndefined();
    expect(contentIn(content, 'ar')).toEqual(content);
  });

  it('a day is the calendar day whatever the server’s zone (formatted in UTC)', () => {
    expect(formatDay('2026-01-01', 'en')).toBe('January 1, 2026');
    expect(formatDay('2026-12-31', 'de')).toBe('31. Dezember 2026');
    expect(formatDay('not a day', 'de')).toBe('not a day');
  });
});

describe('whose language a person reads', () => {
  it('their Teams client’s locale first, then the directory’s preferred language, else English', () => {
    expect(notificationLanguageOf({ clientLocale: 'ar-SA', preferredLanguage: 'de-DE' })).toBe('ar');
    expect(notificationLanguageOf({ preferredLanguage: 'de-DE' })).toBe('de');
    expect(notificationLanguageOf({ preferredLanguage: 'de-CH' })).toBe('de');
    expect(notificationLanguageOf({ preferredLanguage: null })).toBe('en');
    expect(notificationLanguageOf(undefined)).toBe('en');
  });

  it('a client in a language without texts reads English (as Teams shows it the English template), whatever the directory says', () => {
    expect(notificationLanguageOf({ clientLocale: 'fr-FR', preferredLanguage: 'de-DE' })).toBe('en');
    expect(notificationLanguageOf({ preferredLanguage: 'es-ES' })).toBe('en');
  });

  it('the client’s locale is the first of its Accept-Language, canonical; nothing for none, `*` or garbage', () => {
    expect(clientLocaleOf('de-de')).toBe('de-DE');
    expect(clientLocaleOf('ar-SA,ar;q=0.9,en;q=0.5')).toBe('ar-SA');
    expect(clientLocaleOf('en;q=0.2, de-AT')).toBe('de-AT');
    expect(clientLocaleOf('*')).toBeUndefined();
    expect(clientLocaleOf('')).toBeUndefined();
    expect(clientLocaleOf(null)).toBeUndefined();
    expect(clientLocaleOf('<script>')).toBeUndefined();
  });
});

describe('the drain’s batches', () => {
  const entry = (recipientUserId: string, chainKey = 'a1:assigned') => ({ recipientUserId, chainKey }) as StoredOutboxDocument;

  it('are one per chain and language: people who read different languages get different calls', () => {
    const languages: Record<string, NotificationLanguage> = { ana: 'de', ben: 'de', cho: 'ar', dev: 'en' };
    const batches = batchesOf('t', [entry('ana'), entry('ben'), entry('cho'), entry('dev'), entry('eve', 'a2:assigned')], (userId) => languages[userId] ?? 'en');
    expect(batches.map((batch) => [batch.language, batch.bulk, batch.entries.map((e) => e.recipientUserId)])).toEqual([
      ['de', true, ['ana', 'ben']],
      ['ar', false, ['cho']],
      ['en', false, ['dev']],
      ['en', false, ['eve']],
    ]);
  });
});
