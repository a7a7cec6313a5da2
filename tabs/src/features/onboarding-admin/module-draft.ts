/**
 * Editing a module's content before it is saved: pure helpers for the sections and questions editor
 * (add, move, remove, new ids). The server validates the result; these keep the draft well formed.
 */
import { adminText } from './messages';
import type { ContentBlock, ModuleContent, ModuleContentInput, ModuleTranslation, Question } from '../../../../api/src/shared/onboarding-contracts';

export type BlockType = ContentBlock['type'];
export type DraftBlock = ContentBlock;
export type DraftSection = { id: string; title: string; blocks: DraftBlock[] };
export type DraftQuestion = Question;
export interface ModuleDraft {
  title: string;
  summary: string;
  estimatedMinutes: number;
  sections: DraftSection[];
  questions: DraftQuestion[];
  acknowledgement: string;
  /** What the module is written in (BCP 47 primary tag); English when absent. */
  language?: string;
  /** Its words in other languages, keyed by language; ids as the original's. */
  translations?: Record<string, ModuleTranslation>;
}

export const BLOCK_TYPES: readonly BlockType[] = ['heading', 'paragraph', 'list', 'link', 'image', 'strategyMap', 'thenAndNow'];

/** A block type's name in the leader's language. */
export const blockLabel = (type: BlockType): string => adminText.text(`blockType.${type}`);

/** A short id unique within the module (ids may use letters, digits, "-" and "_"). */
export function newId(prefix: string, taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n += 1) {
    const candidate = `${prefix}-${n}`;
    if (!taken.includes(candidate)) return candidate;
  }
}

export function emptyBlock(type: BlockType): DraftBlock {
  switch (type) {
    case 'heading':
    case 'paragraph':
      return { type, text: '' };
    case 'list':
      return { type, ordered: false, items: [''] };
    case 'link':
      return { type, text: '', url: 'https://' };
    case 'image':
      return { type, url: 'https://', alt: '' };
    case 'strategyMap':
      return { type };
    case 'thenAndNow':
      return { type, formerCompany: '', formerMission: '', formerValues: [], stays: [], changes: [], why: '' };
  }
}

export function emptyDraft(): ModuleDraft {
  return {
    title: '',
    summary: '',
    estimatedMinutes: 10,
    sections: [{ id: 'section-1', title: '', blocks: [emptyBlock('paragraph')] }],
    questions: [],
    // A starting sentence in the leader's language; it is the module's content from then on.
    acknowledgement: adminText.text('draft.acknowledgement'),
  };
}

export function draftFrom(content: ModuleContent): ModuleDraft {
  return structuredClone({ ...content, summary: content.summary ?? '', questions: content.questions ?? [] }) as ModuleDraft;
}

export function emptyQuestion(taken: readonly string[]): DraftQuestion {
  return {
    id: newId('q', taken),
    prompt: '',
    kind: 'single',
    options: [
      { id: 'a', text: '' },
      { id: 'b', text: '' },
    ],
    correctOptionIds: ['a'],
    explanation: '',
  };
}

/** Moves item `index` one place up (-1) or down (+1); out of range leaves the list as it was. */
export function move<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, position) => position !== index);
}

export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((existing, position) => (position === index ? item : existing));
}

/** Lines of a textarea as list items, one per line; blank lines stay while typing and go when saving. */
export function linesOf(text: string): string[] {
  return text.split('\n');
}

const filled = (items: readonly string[]) => items.map((item) => item.trim()).filter(Boolean);

function cleanBlock(block: DraftBlock): DraftBlock {
  if (block.type === 'list') return { ...block, items: filled(block.items) };
  if (block.type === 'thenAndNow') return { ...block, formerValues: filled(block.formerValues), stays: filled(block.stays), changes: filled(block.changes) };
  return block;
}

/**
 * A translation shaped as the original is now: its words where a section, block, question or option
 * still matches by id (and block kind), the original's words where the original has something new.
 */
export function alignedTranslation(draft: Pick<ModuleDraft, 'sections' | 'questions' | 'title' | 'summary' | 'acknowledgement'>, translation?: ModuleTranslation): ModuleTranslation {
  return {
    title: translation?.title ?? draft.title,
    summary: translation?.summary ?? draft.summary,
    acknowledgement: translation?.acknowledgement ?? draft.acknowledgement,
    sections: draft.sections.map((section) => {
      const said = translation?.sections.find((candidate) => candidate.id === section.id);
      return {
        id: section.id,
        title: said?.title ?? section.title,
        blocks: section.blocks.map((block, index) => (said?.blocks[index]?.type === block.type ? said.blocks[index]! : structuredClone(block))),
      };
    }),
    questions: draft.questions.map((question) => {
      const said = translation?.questions.find((candidate) => candidate.id === question.id);
      return {
        id: question.id,
        prompt: said?.prompt ?? question.prompt,
        explanation: said?.explanation ?? question.explanation,
        ...(said?.hint ?? question.hint ? { hint: said?.hint ?? question.hint } : {}),
        options: question.options.map((option) => {
          const words = said?.options.find((candidate) => candidate.id === option.id);
          const explanation = words?.explanation ?? option.explanation;
          return { id: option.id, text: words?.text ?? option.text, ...(explanation ? { explanation } : {}) };
        }),
      };
    }),
  };
}

/** What is sent: whole minutes as a number, list items without blank lines, translations shaped as the original. */
export function contentOf(draft: ModuleDraft): ModuleContentInput {
  const translations = Object.entries(draft.translations ?? {}).map(([language, translation]) => {
    const aligned = alignedTranslation(draft, translation);
    return [language, { ...aligned, sections: aligned.sections.map((section) => ({ ...section, blocks: section.blocks.map(cleanBlock) })) }] as const;
  });
  return {
    ...draft,
    estimatedMinutes: Number(draft.estimatedMinutes),
    sections: draft.sections.map((section) => ({ ...section, blocks: section.blocks.map(cleanBlock) })),
    ...(translations.length > 0 ? { translations: Object.fromEntries(translations) } : { translations: undefined }),
  };
}

/** Languages a leader can translate a module into (any BCP 47 primary tag works in the API). */
export const TRANSLATION_LANGUAGES = ['en', 'de', 'ar', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'tr', 'uk', 'zh', 'ja'] as const;
