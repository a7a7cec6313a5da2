/**
 * The page shown when the tab is opened outside Microsoft Teams (a browser at /tab/, or a frame whose
 * parent never answers as a Teams host). It is its own tiny chunk, plain DOM and CSS: a person who
 * lands here downloads no React, no Fluent and no shell (tabs/src/boot.ts decides before loading
 * anything else). It looks like the tab: the colours and type below are Fluent v9's tokens
 * (webLightTheme / webDarkTheme, checked by test/tabs/outside-teams-page.test.ts); dark follows the
 * browser's colour scheme and high contrast its forced colours.
 */

/** Fluent v9 token values the page uses, light and dark. */
export const OUTSIDE_TEAMS_TOKENS = {
  light: {
    colorNeutralBackground2: '#fafafa',
    colorNeutralForeground1: '#242424',
    colorNeutralForeground3: '#616161',
    colorBrandForegroundLink: '#115ea3',
    colorBrandForegroundLinkHover: '#0f548c',
    colorStrokeFocus2: '#000000',
  },
  dark: {
    colorNeutralBackground2: '#1f1f1f',
    colorNeutralForeground1: '#ffffff',
    colorNeutralForeground3: '#adadad',
    colorBrandForegroundLink: '#479ef5',
    colorBrandForegroundLinkHover: '#62abf5',
    colorStrokeFocus2: '#ffffff',
  },
  shared: {
    fontFamilyBase: "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif",
    fontSizeBase200: '12px',
    lineHeightBase200: '16px',
    fontSizeBase300: '14px',
    lineHeightBase300: '20px',
    fontSizeHero700: '28px',
    lineHeightHero700: '36px',
    fontWeightSemibold: 600,
    spacingVerticalXS: '4px',
    spacingVerticalM: '12px',
    spacingHorizontalL: '16px',
    spacingHorizontalXL: '20px',
    spacingVerticalXXXL: '32px',
    strokeWidthThick: '2px',
    borderRadiusMedium: '4px',
  },
} as const;

const { light, dark, shared: t } = OUTSIDE_TEAMS_TOKENS;
const colours = (c: typeof light | typeof dark) => `
  --los-bg: ${c.colorNeutralBackground2}; --los-fg: ${c.colorNeutralForeground1}; --los-fg3: ${c.colorNeutralForeground3};
  --los-link: ${c.colorBrandForegroundLink}; --los-link-hover: ${c.colorBrandForegroundLinkHover}; --los-focus: ${c.colorStrokeFocus2};`;

const CSS = `
.los-outside { ${colours(light)}
  box-sizing: border-box; min-height: 100vh; margin: 0; background: var(--los-bg); color: var(--los-fg);
  font-family: ${t.fontFamilyBase}; font-size: ${t.fontSizeBase300}; line-height: ${t.lineHeightBase300}; }
@media (prefers-color-scheme: dark) { .los-outside { ${colours(dark)} } }
.los-outside main { display: flex; flex-direction: column; gap: ${t.spacingVerticalM}; max-width: 40rem; margin: 0 auto;
  padding: ${t.spacingVerticalXXXL} ${t.spacingHorizontalL}; }
.los-outside h1 { margin: 0; font-size: ${t.fontSizeHero700}; line-height: ${t.lineHeightHero700}; font-weight: ${t.fontWeightSemibold}; }
.los-outside p { margin: 0; }
.los-outside ol { margin: 0; padding-inline-start: ${t.spacingHorizontalXL}; display: grid; gap: ${t.spacingVerticalXS}; }
/* Underlined, as Fluent's inline Link: in running text colour alone doesn't mark a link. */
.los-outside a { color: var(--los-link); text-decoration: underline; border-radius: ${t.borderRadiusMedium}; }
.los-outside a:hover { color: var(--los-link-hover); }
.los-outside a:focus-visible { outline: ${t.strokeWidthThick} solid var(--los-focus); outline-offset: 1px; }
.los-outside .los-detail { color: var(--los-fg3); font-size: ${t.fontSizeBase200}; line-height: ${t.lineHeightBase200}; }
@media (forced-colors: active) {
  .los-outside { background: Canvas; color: CanvasText; }
  .los-outside a { color: LinkText; }
  .los-outside .los-detail { color: CanvasText; }
}`;

/** The page's words in the languages the tab speaks; the browser's languages choose (Teams' locale is unknown here). */
const WORDS = {
  en: {
    heading: 'Open Line of Sight in Microsoft Teams',
    intro: 'Line of Sight is a Microsoft Teams app. It shows how your work serves your company’s strategies, and it needs Teams to know who you are.',
    steps: ['Open Microsoft Teams (desktop, web or mobile).', 'Select Apps, search for “Line of Sight”, and open it.'],
    // The sentence around the link: before, the link, after.
    local: ['Running it on your machine? ', 'Open the local Teams host page', ', which plays Teams for the tab.'],
    details: 'Details: ',
    notInTeams: 'This page is not inside Microsoft Teams, so no Teams host can answer.',
  },
  de: {
    heading: 'Line of Sight in Microsoft Teams öffnen',
    intro: 'Line of Sight ist eine Microsoft Teams-App. Sie zeigt, wie Ihre Arbeit den Strategien Ihres Unternehmens dient, und braucht Teams, um zu wissen, wer Sie sind.',
    steps: ['Öffnen Sie Microsoft Teams (Desktop, Web oder mobil).', 'Wählen Sie „Apps“, suchen Sie nach „Line of Sight“, und öffnen Sie die App.'],
    local: ['Sie führen die App auf Ihrem Computer aus? ', 'Öffnen Sie die lokale Teams-Hostseite', ', die für den Tab die Rolle von Teams übernimmt.'],
    details: 'Details: ',
    notInTeams: 'Diese Seite ist nicht in Microsoft Teams geöffnet, daher kann kein Teams-Host antworten.',
  },
  ar: {
    heading: 'افتح Line of Sight في Microsoft Teams',
    intro: 'Line of Sight تطبيق في Microsoft Teams. يُظهر كيف يخدم عملك استراتيجيات شركتك، ويحتاج إلى Teams لمعرفة هويتك.',
    steps: ['افتح Microsoft Teams (على سطح المكتب أو الويب أو الهاتف المحمول).', 'حدد «التطبيقات»، وابحث عن «Line of Sight»، ثم افتحه.'],
    local: ['هل تشغّله على جهازك؟ ', 'افتح صفحة مضيف Teams المحلية', '، التي تؤدي دور Teams لعلامة التبويب.'],
    details: 'التفاصيل: ',
    notInTeams: 'هذه الصفحة ليست داخل Microsoft Teams، لذا لا يمكن لأي مضيف Teams الرد.',
  },
} as const;

/**
 * The browser's first language the tab speaks, else English; sets the document's language and direction.
 * (tabs/src/consent/page-language.ts does the same for the consent pages: this page imports nothing, so that
 * a browser outside Teams downloads one small chunk.)
 */
function speakPage(): (typeof WORDS)[keyof typeof WORDS] {
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  const language = preferred.map((locale) => locale.split(/[-_]/)[0]!.toLowerCase()).find((code): code is keyof typeof WORDS => code in WORDS) ?? 'en';
  document.documentElement.lang = language;
  document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
  return WORDS[language];
}

const isLocalMachine = () => ['localhost', '127.0.0.1', '[::1]'].includes(window.location.hostname);

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Replaces `container`'s content with the page; `reason` says why no Teams host answered (by default: no host to ask). */
export function renderOutsideTeamsPage(container: HTMLElement, reason?: string): void {
  const words = speakPage();
  if (!document.getElementById('los-outside-style')) {
    const style = element('style', CSS);
    style.id = 'los-outside-style';
    document.head.append(style);
  }
  const main = element('main');
  const steps = element('ol');
  steps.append(...words.steps.map((step) => element('li', step)));
  main.append(element('h1', words.heading), element('p', words.intro), steps);
  if (isLocalMachine()) {
    const [before, linkText, after] = words.local;
    const local = element('p', before);
    const link = element('a', linkText);
    link.href = '/';
    local.append(link, after);
    main.append(local);
  }
  main.append(element('p', words.details + (reason ?? words.notInTeams), 'los-detail'));
  container.className = 'los-outside';
  container.replaceChildren(main);
  document.title = words.heading;
}
