import { STARTER_TEMPLATES, type ImportResult, type StarterTemplate } from '@contracts';
import { signupText } from './messages';
import type source from './messages/en.json';

/** What an import's dry run found: its problems (row, field and the API's words), or what it would change. */
export function importPreviewText(preview: ImportResult, fileName: string): string {
  const { text } = signupText;
  if (preview.errors.length === 0) {
    const { create, update, archive } = preview.summary;
    return text('sources.preview', { file: fileName, create, update, archive });
  }
  const problems = preview.errors
    .map((error) => (error.row === null ? text('sources.problem', { field: error.field, message: error.message }) : text('sources.problemAtRow', { row: error.row, field: error.field, message: error.message })))
    .join('; ');
  return text('sources.problems', { count: preview.errors.length, problems });
}

/**
 * The starter templates (api/src/shared/signup-templates.ts) in the admin's language: a first draft they edit, so it
 * is in the words of the people who will read it. A template without messages (added later) keeps its own words.
 */
export function starterTemplates(): StarterTemplate[] {
  const say = (key: string, fallback: string) => {
    const said = signupText.text(key as keyof typeof source);
    return said === signupText.id(key as keyof typeof source) ? fallback : said;
  };
  return STARTER_TEMPLATES.map((template) => ({
    ...template,
    name: say(`template.${template.id}.name`, template.name),
    description: say(`template.${template.id}.description`, template.description),
    strategies: template.strategies.map((strategy, index) => {
      const key = `template.${template.id}.${index + 1}`;
      return {
        ...strategy,
        title: say(`${key}.title`, strategy.title),
        why: say(`${key}.why`, strategy.why),
        customerImpact: say(`${key}.customerImpact`, strategy.customerImpact),
        measures: strategy.measures.map((measure, at) => say(`${key}.measure${at + 1}`, measure)),
      };
    }),
  }));
}
