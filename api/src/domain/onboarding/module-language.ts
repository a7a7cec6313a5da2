/**
 * A module in one of its languages (pure; the tab's learner preview uses it too). A translation has the original's ids, so the content it gives
 * keeps the original's right answers, kinds and minutes: answers are judged the same in any language.
 */
import type { ModuleContent, ModuleTranslation } from '../../shared/contracts.js';

/** The module's own language: English for modules written before languages were recorded. */
export const originalLanguage = (content: ModuleContent): string => content.language ?? 'en';

/** The content in `language`: the translation's words over the original's structure; the original when there is none. */
export function contentIn(content: ModuleContent, language: string): ModuleContent {
  const translation: ModuleTranslation | undefined = language === originalLanguage(content) ? undefined : content.translations?.[language];
  if (!translation) return content;
  return {
    ...content,
    language,
    title: translation.title,
    summary: translation.summary,
    sections: translation.sections,
    acknowledgement: translation.acknowledgement,
    questions: content.questions.map((question) => {
      const words = translation.questions.find((candidate) => candidate.id === question.id);
      if (!words) return question;
      return {
        ...question,
        prompt: words.prompt,
        explanation: words.explanation,
        ...(words.hint !== undefined ? { hint: words.hint } : {}),
        options: question.options.map((option) => {
          const said = words.options.find((candidate) => candidate.id === option.id);
          return said ? { ...option, text: said.text, ...(said.explanation !== undefined ? { explanation: said.explanation } : {}) } : option;
        }),
      };
    }),
  };
}

/** The module's languages: the original first, then its translations. */
export const moduleLanguages = (content: ModuleContent): string[] => {
  const original = originalLanguage(content);
  return [original, ...Object.keys(content.translations ?? {}).filter((language) => language !== original)];
};
