/**
 * Which of our languages someone reads (pure). One mechanism for every text the server writes: the
 * public survey negotiates a browser's Accept-Language here, the Teams notifications a person's
 * stored language tags (notifications/notification-text.ts). Matching is by base language
 * (de-CH → de, ar-SA → ar); the caller decides the fallback.
 */
import Negotiator from 'negotiator';

/** The tags of an Accept-Language header, most wanted first (weights honoured, `*` dropped). */
export function acceptedTags(header: string | null | undefined): string[] {
  return new Negotiator({ headers: { 'accept-language': header ?? '' } }).languages().filter((tag) => tag !== '*');
}

/** The first of `tags` whose base language is one of `supported`. */
export function matchLanguage<L extends string>(tags: readonly (string | null | undefined)[], supported: readonly L[]): L | undefined {
  for (const tag of tags) {
    const base = tag?.toLowerCase().split('-')[0] ?? '';
    if ((supported as readonly string[]).includes(base)) return base as L;
  }
  return undefined;
}

/** A tag as it may be stored: canonical BCP 47 (de-ch → de-CH), or undefined when it is none (header text is untrusted). */
export function canonicalTag(tag: string | null | undefined): string | undefined {
  if (!tag || tag.length > 35) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}
