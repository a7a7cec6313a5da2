import { use } from 'react';
import type { Messages } from '@lingui/core';
import { activeLanguage, i18n } from './i18n';
import type { CatalogueLanguage } from './locale';

/** An ICU message's arguments: `{count, plural, …}`, `{name}`, `{due, date, medium}`. */
export type MessageValues = Record<string, unknown>;
type Loader = () => Promise<unknown>;

/** `text('key', values)`: the active language's message for this area's key. */
export type TextFn<Source> = (key: keyof Source & string, values?: MessageValues) => string;

export interface Catalogue<Source> {
  /** The id prefix of this area's messages, e.g. "home". */
  readonly namespace: string;
  /** Outside React (text builders, toasts): the catalogue must already be loaded, as every page's is. */
  readonly text: TextFn<Source>;
  /** In a component: suspends (to the nearest <Suspense>) until the area's messages are loaded. */
  useText(): TextFn<Source>;
  /** The full id of a key, for <RichText> (i18n/RichText.tsx, imported directly: it brings Lingui's React part) and for tests. */
  id(key: keyof Source & string): string;
  load(language: CatalogueLanguage): Promise<void>;
}

/** A promise React's use() can read without suspending once it has settled (React's own convention). */
type Settled<T> = Promise<T> & { status?: 'pending' | 'fulfilled'; value?: T };

const registry = new Map<string, Catalogue<unknown>>();

/** Each catalogue loaded so far, so a language switch (or a test) can load them all. */
export const registeredCatalogues = (): Catalogue<unknown>[] => [...registry.values()];

/** Loads every catalogue defined so far in `language`; those defined later load with their page. */
export async function loadRegisteredCatalogues(language: CatalogueLanguage): Promise<void> {
  await Promise.all(registeredCatalogues().map((catalogue) => catalogue.load(language)));
}

const languageOfFile = (path: string) => /([a-z-]+)\.json$/.exec(path)?.[1] ?? '';

/**
 * An area's messages: `messages/en.json` (the source), `de.json`, `ar.json`, each compiled at build time
 * and fetched only in the language in use, with the page that needs them. Pass Vite's globs:
 * `import.meta.glob('./messages/*.json', { query: '?lingui', import: 'default' })` and
 * `import.meta.glob('./messages/en.json', { query: '?lingui-pseudo', import: 'default' })`.
 */
export function defineCatalogue<Source extends Record<string, string>>(
  namespace: string,
  languages: Record<string, Loader>,
  pseudo: Record<string, Loader>,
): Catalogue<Source> {
  const loaders = new Map(Object.entries(languages).map(([path, loader]) => [languageOfFile(path), loader]));
  const pseudoLoader = Object.values(pseudo)[0];
  const loading = new Map<CatalogueLanguage, Settled<void>>();
  const id = (key: string) => `${namespace}.${key}`;

  const load = (language: CatalogueLanguage): Settled<void> => {
    const known = loading.get(language);
    if (known) return known;
    const loader = language === 'pseudo' ? pseudoLoader : (loaders.get(language) ?? loaders.get('en'));
    if (!loader) throw new Error(`The ${namespace} catalogue has no ${language} or English messages`);
    const promise: Settled<void> = loader().then((compiled) => {
      const prefixed: Messages = {};
      for (const [key, message] of Object.entries(compiled as Messages)) prefixed[id(key)] = message;
      i18n.load(language, prefixed);
      // React's use() reads a settled promise's status and returns without suspending.
      promise.status = 'fulfilled';
    });
    loading.set(language, promise);
    return promise;
  };

  const text: TextFn<Source> = (key, values) => i18n._(id(key), values);
  const catalogue: Catalogue<Source> = {
    namespace,
    text,
    id,
    load,
    useText() {
      use(load(activeLanguage()) as Promise<void>);
      return text;
    },
  };
  if (registry.has(namespace)) throw new Error(`Two catalogues are named ${namespace}`);
  registry.set(namespace, catalogue as Catalogue<unknown>);
  return catalogue;
}
