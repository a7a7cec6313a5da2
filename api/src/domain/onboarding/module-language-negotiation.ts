/** Which of a module's languages a learner reads (pure): the best match for their Accept-Language, or the original. */
import Negotiator from 'negotiator';
import type { ModuleContent } from '../../shared/contracts.js';
import { moduleLanguages, originalLanguage } from './module-language.js';

/** The best of the module's languages for `acceptLanguage` (e.g. "de-DE,de;q=0.9"); the original when none matches. */
export function negotiateModuleLanguage(content: ModuleContent, acceptLanguage: string | null | undefined): string {
  const original = originalLanguage(content);
  const available = moduleLanguages(content);
  if (!acceptLanguage) return original;
  // Negotiator matches "de-DE" to "de" (a primary tag), and answers the first preferred one available.
  const picked = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language(available);
  return picked && available.includes(picked) ? picked : original;
}

