import type { ImportResult } from '@contracts';
import { signupText } from './messages';

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
