/**
 * The public customer survey page: plain HTML with one form, no script at all, no third-party
 * anything, readable at 360 px, in English, German, French or Arabic (right to left). Everything a
 * customer or a company typed is escaped. Pure: the handler serves what these functions return.
 */
import { acceptedTags, matchLanguage } from '../languages.js';
import { SURVEY_LANGUAGES, SURVEY_LIMITS, SURVEY_SEGMENTS } from '../../shared/survey-contracts.js';

export type SurveyLanguage = (typeof SURVEY_LANGUAGES)[number];

interface SurveyText {
  intro: (company: string) => string;
  standsFor: (company: string) => string;
  different: (company: string) => string;
  consistency: (company: string) => string;
  scale: readonly string[];
  segment: string;
  segments: Record<string, string>;
  noSegment: string;
  honeypot: string;
  send: string;
  thanks: string;
  closed: string;
  problem: string;
  busy: string;
  max: (n: number) => string;
}

const TEXT: Record<SurveyLanguage, SurveyText> = {
  en: {
    intro: (company: string) => `Three short questions from ${company}. No sign-in, and we ask nothing about you.`,
    standsFor: (company: string) => `In your own words: what does ${company} stand for?`,
    different: (company: string) => `What makes ${company} different for you?`,
    consistency: (company: string) => `How consistent is the message you get from ${company}?`,
    scale: ['1 — not at all', '2', '3', '4', '5 — completely'],
    segment: 'Which best describes you? (optional)',
    segments: { business: 'A business customer', consumer: 'A consumer', 'public-sector': 'Public sector', partner: 'A partner', other: 'Other' } as Record<string, string>,
    noSegment: 'Prefer not to say',
    honeypot: 'Leave this field empty',
    send: 'Send',
    thanks: 'Thank you. Your answer is in.',
    closed: 'This survey link is no longer open.',
    problem: 'Something in the answer was not right. Go back and check it.',
    busy: 'Too many answers from here right now. Try again in a minute.',
    max: (n: number) => `Up to ${n} characters.`,
  },
  fr: {
    intro: (company: string) => `Trois questions courtes de la part de ${company}. Sans connexion, et rien sur vous.`,
    standsFor: (company: string) => `Avec vos mots : que défend ${company} ?`,
    different: (company: string) => `Qu’est-ce qui rend ${company} différente pour vous ?`,
    consistency: (company: string) => `Le message que vous recevez de ${company} est-il cohérent ?`,
    scale: ['1 — pas du tout', '2', '3', '4', '5 — tout à fait'],
    segment: 'Qu’est-ce qui vous décrit le mieux ? (facultatif)',
    segments: { business: 'Client professionnel', consumer: 'Particulier', 'public-sector': 'Secteur public', partner: 'Partenaire', other: 'Autre' } as Record<string, string>,
    noSegment: 'Je préfère ne pas répondre',
    honeypot: 'Laissez ce champ vide',
    send: 'Envoyer',
    thanks: 'Merci. Votre réponse est enregistrée.',
    closed: 'Ce lien d’enquête n’est plus ouvert.',
    problem: 'Quelque chose n’allait pas dans la réponse. Revenez en arrière pour vérifier.',
    busy: 'Trop de réponses depuis ici pour le moment. Réessayez dans une minute.',
    max: (n: number) => `Jusqu’à ${n} caractères.`,
  },
  de: {
    intro: (company: string) => `Drei kurze Fragen von ${company}. Ohne Anmeldung, und wir fragen nichts über Sie.`,
    standsFor: (company: string) => `In Ihren eigenen Worten: Wofür steht ${company}?`,
    different: (company: string) => `Was macht ${company} für Sie anders?`,
    consistency: (company: string) => `Wie einheitlich ist die Botschaft, die Sie von ${company} bekommen?`,
    scale: ['1 — gar nicht', '2', '3', '4', '5 — völlig'],
    segment: 'Was beschreibt Sie am besten? (freiwillig)',
    segments: { business: 'Geschäftskunde', consumer: 'Privatkunde', 'public-sector': 'Öffentlicher Sektor', partner: 'Partner', other: 'Sonstiges' },
    noSegment: 'Keine Angabe',
    honeypot: 'Dieses Feld leer lassen',
    send: 'Senden',
    thanks: 'Danke. Ihre Antwort ist angekommen.',
    closed: 'Dieser Umfragelink ist nicht mehr offen.',
    problem: 'Etwas an der Antwort stimmte nicht. Gehen Sie zurück und prüfen Sie sie.',
    busy: 'Gerade kommen zu viele Antworten von hier. Versuchen Sie es in einer Minute noch einmal.',
    max: (n: number) => `Bis zu ${new Intl.NumberFormat('de').format(n)} Zeichen.`,
  },
  ar: {
    intro: (company: string) => `ثلاثة أسئلة قصيرة من ${company}. دون تسجيل دخول، ولا نسأل عنك شيئًا.`,
    standsFor: (company: string) => `بكلماتك: ما الذي تمثّله ${company}؟`,
    different: (company: string) => `ما الذي يجعل ${company} مختلفة بالنسبة إليك؟`,
    consistency: (company: string) => `ما مدى اتساق الرسالة التي تصلك من ${company}؟`,
    scale: ['1 — إطلاقًا', '2', '3', '4', '5 — تمامًا'],
    segment: 'ما الذي يصفك أفضل؟ (اختياري)',
    segments: { business: 'عميل من الشركات', consumer: 'مستهلك', 'public-sector': 'القطاع العام', partner: 'شريك', other: 'غير ذلك' },
    noSegment: 'أفضّل عدم الإجابة',
    honeypot: 'اترك هذا الحقل فارغًا',
    send: 'إرسال',
    thanks: 'شكرًا لك. وصلت إجابتك.',
    closed: 'رابط الاستطلاع هذا لم يعد مفتوحًا.',
    problem: 'هناك خطأ في الإجابة. ارجع وتحقق منها.',
    busy: 'إجابات كثيرة من هنا الآن. حاول مرة أخرى بعد دقيقة.',
    max: (n: number) => `حتى ${new Intl.NumberFormat('ar').format(n)} حرف.`,
  },
};

const RIGHT_TO_LEFT: ReadonlySet<SurveyLanguage> = new Set(['ar']);

const isSurveyLanguage = (value: string | null): value is SurveyLanguage => (SURVEY_LANGUAGES as readonly string[]).includes(value ?? '');

/** `?lang=` first; else the browser's Accept-Language, weights and regions included (de-CH → de); else English. */
export function languageOf(query: string | null, acceptLanguage: string | null): SurveyLanguage {
  if (isSurveyLanguage(query)) return query;
  return matchLanguage(acceptedTags(acceptLanguage), SURVEY_LANGUAGES) ?? 'en';
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

/** No script may run; styles are the one inline block below. */
export const SURVEY_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;padding:1rem;line-height:1.5;color:#1b1b1b;background:#fff}
main{max-width:36rem;margin:0 auto}h1{font-size:1.4rem}label,legend{font-weight:600;display:block;margin:1rem 0 .25rem}
textarea,select{width:100%;box-sizing:border-box;font:inherit;padding:.5rem;border:1px solid #616161;border-radius:4px}
fieldset{border:0;padding:0;margin:0}.scale label{font-weight:400;display:flex;gap:.5rem;align-items:center;margin:.25rem 0}
.hint{color:#424242;font-size:.9rem;margin:0}.trap{position:absolute;inset-inline-start:-10000px;width:1px;height:1px;overflow:hidden}
button{margin-top:1.5rem;font:inherit;padding:.6rem 1.5rem;border:0;border-radius:4px;background:#0f6cbd;color:#fff}
button:focus-visible,textarea:focus-visible,select:focus-visible,input:focus-visible{outline:3px solid #0f6cbd;outline-offset:2px}
@media (prefers-color-scheme:dark){body{background:#1f1f1f;color:#f5f5f5}.hint{color:#d6d6d6}textarea,select{background:#292929;color:#fff;border-color:#adadad}}`;

function page(lang: SurveyLanguage, title: string, body: string): string {
  const dir = RIGHT_TO_LEFT.has(lang) ? 'rtl' : 'ltr';
  return `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export function surveyFormPage(input: { lang: SurveyLanguage; company: string; title: string; action: string }): string {
  const t = TEXT[input.lang];
  const company = escapeHtml(input.company);
  const scale = t.scale.map((label, index) => `<label><input type="radio" name="consistency" value="${index + 1}" required> ${escapeHtml(label)}</label>`).join('');
  const segments = SURVEY_SEGMENTS.map((segment) => `<option value="${segment}">${escapeHtml(t.segments[segment] ?? segment)}</option>`).join('');
  return page(
    input.lang,
    input.title,
    `<h1>${escapeHtml(input.title)}</h1><p>${t.intro(company)}</p>
<form method="post" action="${escapeHtml(input.action)}" accept-charset="utf-8">
<input type="hidden" name="lang" value="${input.lang}">
<label for="standsFor">${t.standsFor(company)}</label><textarea id="standsFor" name="standsFor" rows="3" maxlength="${SURVEY_LIMITS.answer}" aria-describedby="standsFor-hint" required></textarea>
<p class="hint" id="standsFor-hint">${t.max(SURVEY_LIMITS.answer)}</p>
<label for="different">${t.different(company)}</label><textarea id="different" name="different" rows="3" maxlength="${SURVEY_LIMITS.answer}" aria-describedby="different-hint" required></textarea>
<p class="hint" id="different-hint">${t.max(SURVEY_LIMITS.answer)}</p>
<fieldset class="scale"><legend>${t.consistency(company)}</legend>${scale}</fieldset>
<label for="segment">${t.segment}</label><select id="segment" name="segment"><option value="">${t.noSegment}</option>${segments}</select>
<div class="trap"><label for="website">${t.honeypot}</label><input id="website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
<button type="submit">${t.send}</button></form>`,
  );
}

export function surveyMessagePage(lang: SurveyLanguage, kind: 'thanks' | 'closed' | 'problem' | 'busy'): string {
  const message = TEXT[lang][kind];
  return page(lang, message, `<div role="${kind === 'thanks' ? 'status' : 'alert'}"><h1>${message}</h1></div>`);
}
