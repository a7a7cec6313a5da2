/**
 * The words of the Teams notifications' preview texts, one block per language (en, de, ar), beside
 * the activity templates Teams localises itself from appPackage/de.json and ar.json. Typed
 * functions, as the survey's catalogue (domain/survey/survey-page.ts): a missing text or argument
 * is a compile error. Dates, relative days and numbers arrive formatted for the language
 * (notification-text.ts); counts go through `plural`, which picks the CLDR plural form.
 */
import { isolate, plural, type NotificationLanguage } from './notification-format.js';

export interface NotificationTexts {
  /** A title or question someone typed, as it sits in this language's sentences. */
  title(text: string): string;
  moduleAssigned(title: string, due: string): string;
  /** `when`: "in 3 days", "today", "2 days ago"; `overdue` when that is past. */
  moduleReminder(title: string, when: string, due: string, overdue: boolean): string;
  alignmentRoundInvited(question: string, closes: string): string;
  alignmentRoundReminder(when: string, closes: string): string;
  pulseOpened(title: string, statements: number, closes: string): string;
  pulseReminder(title: string, when: string, closes: string): string;
  /** `tasks`: how many of the reader's tasks now serve `strategy`; `sentence`: how they serve it, as the leader wrote it. */
  tasksRemapped(strategy: string, tasks: number, sentence: string): string;
}

const en: NotificationTexts = {
  title: (text) => text,
  moduleAssigned: (title, due) => `New onboarding module: ${title}. Due ${due}.`,
  moduleReminder: (title, when, due, overdue) => `Reminder: ${title} ${overdue ? 'was' : 'is'} due ${when} (${due}).`,
  alignmentRoundInvited: (question, closes) => `Answer on your own by ${closes}: ${question}`,
  alignmentRoundReminder: (when, closes) => `You have not answered yet. The round closes ${when} (${closes}).`,
  pulseOpened: (title, statements, closes) => `A short anonymous pulse: ${title}. ${plural('en', statements, { one: '# statement', other: '# statements' })}, open until ${closes}.`,
  pulseReminder: (title, when, closes) => `If you have not answered yet: ${title} closes ${when} (${closes}).`,
  tasksRemapped: (strategy, tasks, sentence) => `${plural('en', tasks, { one: 'One of your tasks now serves', other: '# of your tasks now serve' })} “${strategy}”: ${sentence}`,
};

const de: NotificationTexts = {
  title: (text) => text,
  moduleAssigned: (title, due) => `Neues Onboarding-Modul: ${title}. Fällig am ${due}.`,
  moduleReminder: (title, when, due, overdue) => `Erinnerung: ${title} ${overdue ? 'war' : 'ist'} ${when} fällig (${due}).`,
  alignmentRoundInvited: (question, closes) => `Antworten Sie für sich allein bis zum ${closes}: ${question}`,
  alignmentRoundReminder: (when, closes) => `Sie haben noch nicht geantwortet. Die Runde endet ${when} (${closes}).`,
  pulseOpened: (title, statements, closes) => `Ein kurzer anonymer Puls: ${title}. ${plural('de', statements, { one: '# Aussage', other: '# Aussagen' })}, offen bis zum ${closes}.`,
  pulseReminder: (title, when, closes) => `Falls Sie noch nicht geantwortet haben: ${title} endet ${when} (${closes}).`,
  tasksRemapped: (strategy, tasks, sentence) =>
    `${plural('de', tasks, { one: 'Eine Ihrer Aufgaben dient', other: '# Ihrer Aufgaben dienen' })} jetzt der Strategie „${strategy}“: ${sentence}`,
};

/** Arabic has six plural forms; all are given, so 0, 1, 2, 3–10, 11–99 and 100 each read right. */
const ar: NotificationTexts = {
  title: isolate,
  moduleAssigned: (title, due) => `وحدة تأهيل جديدة: ${title}. موعد إنجازها ${due}.`,
  moduleReminder: (title, when, due, overdue) => `تذكير: ${overdue ? 'كان موعد' : 'موعد'} ${title} ${when} (${due}).`,
  alignmentRoundInvited: (question, closes) => `أجب بمفردك حتى ${closes}: ${question}`,
  alignmentRoundReminder: (when, closes) => `لم تُجب بعد. تُغلق الجولة ${when} (${closes}).`,
  pulseOpened: (title, statements, closes) =>
    `نبض قصير مجهول الهوية: ${title}. ${plural('ar', statements, { zero: 'لا عبارات', one: 'عبارة واحدة', two: 'عبارتان', few: '# عبارات', many: '# عبارةً', other: '# عبارة' })}، مفتوح حتى ${closes}.`,
  pulseReminder: (title, when, closes) => `إن لم تُجب بعد: يُغلق ${title} ${when} (${closes}).`,
  tasksRemapped: (strategy, tasks, sentence) =>
    `${plural('ar', tasks, { zero: 'لم تُنقل أي من مهامك إلى', one: 'أصبحت مهمة واحدة من مهامك تخدم', two: 'أصبحت مهمتان من مهامك تخدمان', few: 'أصبحت # مهام من مهامك تخدم', many: 'أصبحت # مهمةً من مهامك تخدم', other: 'أصبحت # مهمة من مهامك تخدم' })} «${strategy}»: ${sentence}`,
};

export const CATALOGUE: Record<NotificationLanguage, NotificationTexts> = { en, de, ar };
