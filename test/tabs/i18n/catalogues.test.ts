/**
 * Every message catalogue of the tab (each `messages/en.json` and its translations) is complete and
 * well formed: the same keys in every language, valid ICU that compiles, the same arguments as the
 * English source, and plurals with an `other` case. A new English message without its German and
 * Arabic fails here, as does a translation that drops or renames an argument.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { compileCatalogue } from '../../../tabs/lingui-catalogues.js';
import { LANGUAGES } from '../../../tabs/src/i18n/locale.js';

const tabsSrc = fileURLToPath(new URL('../../../tabs/src', import.meta.url));
const sharedSrc = fileURLToPath(new URL('../../../api/src/shared', import.meta.url));

function sourceCatalogues(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceCatalogues(path);
    return entry.name === 'en.json' && /messages$/.test(dirname(path)) ? [path] : [];
  });
}

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;

/** The argument names a message uses, with their kind (plain, plural, select, date …). */
function argumentsOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    // Types: 0 literal, 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural, 8 tag (the parser's TYPE enum).
    if ('value' in element && typeof element.value === 'string' && element.type !== 0) found.add(`${element.value}:${element.type === 6 ? 'plural' : element.type}`);
    if ('options' in element) for (const option of Object.values(element.options)) argumentsOf(option.value, found);
    if ('children' in element) argumentsOf(element.children, found);
  }
  return found;
}

// The tab's areas, and the shared schemas' validation messages the tab shows.
/** The numbered tags of a message's markup, e.g. ['0', '/0']: a translation keeps each of them. */
const tagsOf = (message: string) => [...message.matchAll(/<(\/?\d+)\/?>/g)].map((match) => match[1]).sort();

const catalogues = [...sourceCatalogues(tabsSrc), ...sourceCatalogues(sharedSrc)];

describe('the tab’s message catalogues', () => {
  it('exist for the shell and the areas', () => {
    expect(catalogues.map((path) => relative(tabsSrc, path))).toEqual(
      expect.arrayContaining(['app/messages/en.json', '../../api/src/shared/validation-messages/en.json']),
    );
  });

  for (const source of catalogues) {
    const area = relative(tabsSrc, dirname(dirname(source))).replace('../../api/src/', 'api:');
    const english = read(source);

    for (const language of LANGUAGES) {
      it(`${area}: ${language} has every key, valid ICU and the source's arguments`, () => {
        const translated = read(join(dirname(source), `${language}.json`));
        expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
        expect(() => compileCatalogue(translated, `${area}/${language}.json`)).not.toThrow();
        for (const [key, message] of Object.entries(english)) {
          // Lingui's markup is numbered tags (<0>the guide</0>), which this parser would reject as tag names.
          const want = [...argumentsOf(parse(message, { ignoreTag: true }))].sort();
          const got = [...argumentsOf(parse(translated[key] ?? '', { ignoreTag: true }))].sort();
          expect(got, `${area}/${language}.json "${key}"`).toEqual(want);
          expect(tagsOf(translated[key] ?? ''), `${area}/${language}.json "${key}" markup`).toEqual(tagsOf(message));
          expect(translated[key]?.trim(), `${area}/${language}.json "${key}" is empty`).not.toBe('');
        }
      });
    }
  }
});
