import { readFile } from 'node:fs/promises';
import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage';
import type { Plugin } from 'vite';

/** Accented look-alikes for ASCII letters: pseudo-localised text stays readable but is never plain ASCII. */
export const PSEUDO_LETTERS: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, index) => [
    letter,
    [...'áƀçđéƒĝĥíĵķĺɱñóþǫŕšţúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓÞǪŔŠŢÚṼŴẊÝŽ'][index] ?? letter,
  ]),
);

export const pseudoLocalise = (text: string) => text.replace(/[a-zA-Z]/g, (letter) => PSEUDO_LETTERS[letter] ?? letter);

/** Every message of a catalogue compiled to Lingui's array form; a broken ICU message fails the build, naming its key. */
export function compileCatalogue(source: Record<string, string>, file: string, pseudo = false): Record<string, unknown> {
  const compiled: Record<string, unknown> = {};
  for (const [key, message] of Object.entries(source)) {
    try {
      compiled[key] = pseudo ? ['⟦', ...compileMessageOrThrow(message, pseudoLocalise), '⟧'] : compileMessageOrThrow(message);
    } catch (error) {
      throw new Error(`${file}: message "${key}" is not valid ICU: ${(error as Error).message}`);
    }
  }
  return compiled;
}

/**
 * `./messages/de.json?lingui` → that catalogue compiled at build time, as JSON (Vite's JSON plugin then
 * makes it a module). `?lingui-pseudo` turns the English source into the pseudo-locale. The tab
 * therefore ships Lingui's small runtime and no ICU parser. Used by the tab's build and by vitest.
 */
export function linguiCatalogues(): Plugin {
  return {
    name: 'line-of-sight:lingui-catalogues',
    enforce: 'pre',
    async load(id) {
      const [file, query] = id.split('?');
      if (!file || (query !== 'lingui' && query !== 'lingui-pseudo')) return null;
      this.addWatchFile(file);
      const source = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
      return { code: `export default ${JSON.stringify(compileCatalogue(source, file, query === 'lingui-pseudo'))};`, moduleType: 'js' };
    },
  };
}
