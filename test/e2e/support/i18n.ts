/**
 * Language checks for browser tests. In Teams' pseudo-locale (`qps-ploc`) every catalogue message comes
 * out accented and bracketed (⟦Ḿý ţášķš⟧) and dates and numbers are Greek, so text on the page with plain
 * Latin letters either came from the data (strategies, tasks, names: whatever the API answered) or is
 * written into a component: untranslated. Open the tab with `openTab(env, user, { locale: PSEUDO })`
 * and `recordApiStrings(page)` in `beforeOpen`.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { PSEUDO_LETTERS } from '../../../tabs/lingui-catalogues.js';

export const PSEUDO = 'qps-ploc';

/** Every string value in the JSON the tab received from the API: the data people wrote. */
export function recordApiStrings(page: Page): Set<string> {
  const strings = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') strings.add(value.trim());
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  page.on('response', (response) => {
    if (!response.url().includes('/api/') || !(response.headers()['content-type'] ?? '').includes('json')) return;
    void response.json().then(collect, () => undefined);
  });
  return strings;
}

/**
 * The visible texts and read-aloud attributes in `scope` (e.g. `tab.locator('body')`) that no catalogue produced: Latin letters with no
 * pseudo-locale character, and not (part of) a string the API sent. `alsoData`: strings the test itself
 * typed into the page (its own task titles …).
 */
export async function untranslatedTexts(scope: Locator, apiStrings: Set<string>, alsoData: string[] = []): Promise<string[]> {
  const found = await scope.evaluate((body) => {
    const texts: string[] = [];
    const visible = (element: Element | null) => {
      for (let node = element; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.display === 'none' || style.visibility === 'hidden') return false;
      }
      return true;
    };
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName) || !visible(parent)) continue;
      if (node.textContent?.trim()) texts.push(node.textContent.trim());
    }
    for (const element of body.querySelectorAll('[aria-label],[placeholder],[title],[alt],[aria-description]')) {
      if (!visible(element)) continue;
      for (const name of ['aria-label', 'placeholder', 'title', 'alt', 'aria-description']) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    return texts;
  });
  const data = [...apiStrings, ...alsoData].filter((text) => text.length > 0);
  const pseudoCharacters = new Set(['⟦', '⟧', ...Object.values(PSEUDO_LETTERS)]);
  const latinWords = (text: string) => text.match(/[A-Za-z]{2,}/g) ?? [];
  const dataWords = new Set(data.flatMap(latinWords));
  const fromData = (text: string) => data.some((value) => value === text || value.includes(text) || text.includes(value));
  // A catalogue message has no plain Latin word of its own: any it shows were put in from the data ("Owned by Ann").
  const fromCatalogue = (text: string) =>
    [...text].some((character) => pseudoCharacters.has(character)) && latinWords(text).every((word) => dataWords.has(word));
  return [...new Set(found)].filter((text) => latinWords(text).length > 0 && !fromCatalogue(text) && !fromData(text));
}

/** The tab's document direction and language, as Teams' locale set them. */
export async function documentLanguage(tab: FrameLocator): Promise<{ lang: string; dir: string }> {
  return tab.locator('html').evaluate((html) => ({ lang: html.getAttribute('lang') ?? '', dir: html.getAttribute('dir') ?? '' }));
}

/** Whether anything sticks out sideways (a right-to-left layout that still pushes content to the right). */
export async function overflowsSideways(tab: FrameLocator): Promise<boolean> {
  return tab.locator('body').evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}
