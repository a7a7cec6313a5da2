/**
 * Merger onboarding: modules (structured content, never HTML), published versions, cohorts,
 * assignments, the new hire's progress and the completion dashboard. Re-exported from contracts.ts.
 *
 * Imports only zod, never './contracts.js': contracts.ts re-exports this file (`export *`), and
 * importing back from it would be an ESM cycle. Shared shapes (ids, text) are restated with the same rules.
 */
import { z } from 'zod';
import { opaqueId, text } from './text-schemas.js';
import { says, saying } from './validation-text.js';

export const ONBOARDING_LIMITS = {
  moduleTitle: 120,
  heading: 200,
  text: 2000,
  listItems: 20,
  listItem: 300,
  url: 2000,
  alt: 200,
  sections: 30,
  blocksPerSection: 30,
  questions: 20,
  options: 8,
  optionText: 300,
  explanation: 1000,
  acknowledgement: 300,
  cohortName: 80,
  cohortMembers: 5000,
  /** People added in one call (add by id). */
  membersPerCall: 500,
  /** Rows of one CSV import. */
  csvRows: 2000,
  modulesPerAssignment: 10,
  maxEstimatedMinutes: 240,
} as const;

const id = opaqueId();

const requiredText = (max: number, message = says('fillThisIn')) => text(max).min(1, message);

/** Links and images are https URLs only (no javascript:, data: or http:), checked by parsing. */
export const httpsUrlSchema = z
  .string()
  .trim()
  .max(ONBOARDING_LIMITS.url, says('keepThisUnderCharacters', { max: ONBOARDING_LIMITS.url }))
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && url.hostname.length > 0 && !url.username && !url.password;
    } catch {
      return false;
    }
  }, says('useAnHttpsAddress'));

// ---------------------------------------------------------------- content blocks

const textList = (max: number) => z.array(requiredText(ONBOARDING_LIMITS.listItem)).max(max, says('useAtMostItems', { max }));

export const contentBlockSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('heading'), text: requiredText(ONBOARDING_LIMITS.heading) }),
  z.strictObject({ type: z.literal('paragraph'), text: requiredText(ONBOARDING_LIMITS.text) }),
  z.strictObject({
    type: z.literal('list'),
    ordered: z.boolean().default(false),
    items: textList(ONBOARDING_LIMITS.listItems).min(1, says('addAtLeastOneItem')),
  }),
  z.strictObject({ type: z.literal('link'), text: requiredText(ONBOARDING_LIMITS.heading), url: httpsUrlSchema }),
  z.strictObject({ type: z.literal('image'), url: httpsUrlSchema, alt: requiredText(ONBOARDING_LIMITS.alt, says('describeTheImageForScreenReaders')) }),
  /** Embeds the LIVE strategy map: resolved from the current vision and active strategies when a new hire reads it. */
  z.strictObject({ type: z.literal('strategyMap'), caption: text(ONBOARDING_LIMITS.heading).optional() }),
  /** The former company's mission and values beside the current ones (the current ones are filled in at read time). */
  z.strictObject({
    type: z.literal('thenAndNow'),
    formerCompany: requiredText(ONBOARDING_LIMITS.heading),
    formerMission: requiredText(ONBOARDING_LIMITS.text),
    formerValues: textList(ONBOARDING_LIMITS.listItems),
    stays: textList(ONBOARDING_LIMITS.listItems),
    changes: textList(ONBOARDING_LIMITS.listItems),
    why: requiredText(ONBOARDING_LIMITS.text),
  }),
]);
export type ContentBlock = z.output<typeof contentBlockSchema>;

export const moduleSectionSchema = z.strictObject({
  /** Stable within the module (progress is recorded per section id). */
  id,
  title: requiredText(ONBOARDING_LIMITS.heading),
  blocks: z.array(contentBlockSchema).min(1, says('addAtLeastOneBlock')).max(ONBOARDING_LIMITS.blocksPerSection),
});
export type ModuleSection = z.output<typeof moduleSectionSchema>;

export const questionSchema = z
  .strictObject({
    id,
    prompt: requiredText(ONBOARDING_LIMITS.text),
    kind: z.enum(['single', 'multiple']),
    options: z
      .array(
        z.strictObject({
          id,
          text: requiredText(ONBOARDING_LIMITS.optionText),
          /** Why this option is right or wrong; said to a learner who picked it (a wrong pick: before the right answer is shown). Optional. */
          explanation: text(ONBOARDING_LIMITS.explanation).optional(),
        }),
      )
      .min(2, says('giveAtLeastTwoOptions'))
      .max(ONBOARDING_LIMITS.options),
    correctOptionIds: z.array(id).min(1, says('markTheRightAnswer')),
    /** Shown with the right answer (after a correct answer, or the second wrong one). */
    explanation: requiredText(ONBOARDING_LIMITS.explanation, says('explainTheAnswer')),
    /** Said after a wrong answer, before the right one may be shown: why it is wrong, without giving the answer away. Optional. */
    hint: text(ONBOARDING_LIMITS.explanation).optional(),
  })
  .superRefine((question, ctx) => {
    const optionIds = new Set(question.options.map((option) => option.id));
    if (optionIds.size !== question.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: saying('optionIdsMustBeUnique') });
    question.correctOptionIds.forEach((optionId, index) => {
      if (!optionIds.has(optionId)) ctx.addIssue({ code: 'custom', path: ['correctOptionIds', index], message: saying('notOneOfTheOptions') });
    });
    if (question.kind === 'single' && question.correctOptionIds.length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['correctOptionIds'], message: saying('aSingleChoiceQuestionHasExactly') });
    }
  });
export type Question = z.output<typeof questionSchema>;

/** A BCP 47 primary language subtag ("en", "de", "ar"): what a module is written in, or translated to. */
export const moduleLanguageSchema = z.string().regex(/^[a-z]{2,3}$/, says('useALanguageCode'));

/**
 * A translation of a module: its words only. Ids (sections, questions, options) are the original's, so
 * progress and answers are the same in every language; which options are right, the kind of question
 * and the minutes come from the original and are not repeated here.
 */
export const moduleTranslationSchema = z.strictObject({
  title: requiredText(ONBOARDING_LIMITS.moduleTitle, says('giveTheModuleATitle')),
  summary: text(ONBOARDING_LIMITS.text).default(''),
  sections: z.array(moduleSectionSchema).max(ONBOARDING_LIMITS.sections),
  questions: z
    .array(
      z.strictObject({
        id,
        prompt: requiredText(ONBOARDING_LIMITS.text),
        options: z
          .array(z.strictObject({ id, text: requiredText(ONBOARDING_LIMITS.optionText), explanation: text(ONBOARDING_LIMITS.explanation).optional() }))
          .max(ONBOARDING_LIMITS.options),
        explanation: requiredText(ONBOARDING_LIMITS.explanation, says('explainTheAnswer')),
        hint: text(ONBOARDING_LIMITS.explanation).optional(),
      }),
    )
    .max(ONBOARDING_LIMITS.questions)
    .default([]),
  acknowledgement: requiredText(ONBOARDING_LIMITS.acknowledgement, says('writeTheClosingAcknowledgement')),
});
export type ModuleTranslation = z.output<typeof moduleTranslationSchema>;

type Issue = { path: (string | number)[]; message: string };

/** Where a translation's structure differs from the original's (ids in order, block kinds, option ids): field paths under `translations.<language>`. */
export function translationMismatches(
  original: { sections: { id: string; blocks: { type: string }[] }[]; questions: { id: string; options: { id: string }[] }[] },
  translation: ModuleTranslation,
  language: string,
): Issue[] {
  const at = (...path: (string | number)[]) => ['translations', language, ...path];
  const issues: Issue[] = [];
  const sameIds = (kind: 'sections' | 'questions', want: string[], got: string[]) => {
    got.forEach((value, index) => {
      if (want[index] !== value) issues.push({ path: at(kind, index, 'id'), message: saying(want.includes(value) ? 'keepTheOriginalsOrder' : 'notInTheOriginal') });
    });
    want.slice(got.length).forEach((missing) => issues.push({ path: at(kind), message: saying('translateThisToo', { id: missing }) }));
  };
  sameIds('sections', original.sections.map((section) => section.id), translation.sections.map((section) => section.id));
  translation.sections.forEach((section, index) => {
    const blocks = original.sections[index]?.blocks;
    if (!blocks || original.sections[index]!.id !== section.id) return;
    if (section.blocks.length !== blocks.length) issues.push({ path: at('sections', index, 'blocks'), message: saying('translateEachBlock', { count: blocks.length }) });
    section.blocks.forEach((block, blockIndex) => {
      if (blocks[blockIndex] && blocks[blockIndex]!.type !== block.type) issues.push({ path: at('sections', index, 'blocks', blockIndex, 'type'), message: saying('originalHasBlockHere', { type: blocks[blockIndex]!.type }) });
    });
  });
  sameIds('questions', original.questions.map((question) => question.id), translation.questions.map((question) => question.id));
  translation.questions.forEach((question, index) => {
    const options = original.questions[index]?.options.map((option) => option.id);
    if (!options || original.questions[index]!.id !== question.id) return;
    const got = question.options.map((option) => option.id);
    got.forEach((optionId, optionIndex) => {
      if (!options.includes(optionId)) issues.push({ path: at('questions', index, 'options', optionIndex, 'id'), message: saying('notAnOptionOfTheOriginal') });
      else if (got.indexOf(optionId) !== optionIndex) issues.push({ path: at('questions', index, 'options', optionIndex, 'id'), message: saying('optionIdsMustBeUnique') });
    });
    options.filter((optionId) => !got.includes(optionId)).forEach((optionId) => issues.push({ path: at('questions', index, 'options'), message: saying('translateOptionToo', { id: optionId }) }));
  });
  return issues;
}

/**
 * The authored content of a module: POST /api/modules and PUT /api/modules/{id} (with If-Match).
 * `language` is what it was written in (English when absent); `translations` carry its words in other
 * languages and are published with it, so each version has the translations it was published with.
 */
export const moduleContentSchema = z
  .strictObject({
    title: requiredText(ONBOARDING_LIMITS.moduleTitle, says('giveTheModuleATitle')),
    summary: text(ONBOARDING_LIMITS.text).default(''),
    estimatedMinutes: z.number().int(says('useWholeMinutes')).min(1, says('atLeast1Minute')).max(ONBOARDING_LIMITS.maxEstimatedMinutes),
    sections: z.array(moduleSectionSchema).min(1, says('addAtLeastOneSection')).max(ONBOARDING_LIMITS.sections),
    questions: z.array(questionSchema).max(ONBOARDING_LIMITS.questions).default([]),
    /** Closing acknowledgement, e.g. "I understand how my work serves our customers." */
    acknowledgement: requiredText(ONBOARDING_LIMITS.acknowledgement, says('writeTheClosingAcknowledgement')),
    language: moduleLanguageSchema.optional(),
    translations: z.record(moduleLanguageSchema, moduleTranslationSchema).optional(),
  })
  .superRefine((content, ctx) => {
    const unique = (ids: string[], path: string) => {
      const seen = new Set<string>();
      ids.forEach((value, index) => {
        if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [path, index, 'id'], message: saying('idsMustBeUnique') });
        seen.add(value);
      });
    };
    unique(content.sections.map((section) => section.id), 'sections');
    unique(content.questions.map((question) => question.id), 'questions');
    for (const [language, translation] of Object.entries(content.translations ?? {})) {
      if (language === (content.language ?? 'en')) ctx.addIssue({ code: 'custom', path: ['translations', language], message: saying('moduleWrittenInThisLanguage') });
      for (const issue of translationMismatches(content, translation, language)) ctx.addIssue({ code: 'custom', ...issue });
    }
  });
export type ModuleContentInput = z.input<typeof moduleContentSchema>;
export type ModuleContent = z.output<typeof moduleContentSchema>;

export const moduleVersionSummarySchema = z.object({ id, version: z.number().int(), publishedAt: z.string(), title: z.string() });
export type ModuleVersionSummary = z.infer<typeof moduleVersionSummarySchema>;

/** A module as authors see it (the editable draft plus its published versions). */
export const moduleSchema = z.object({
  id,
  content: z.custom<ModuleContent>(),
  etag: z.string(),
  updatedAt: z.string(),
  versions: z.array(moduleVersionSummarySchema),
  /** The newest published version, if any (what an assignment usually takes). */
  latestVersionId: id.nullable(),
  /** The draft differs from the newest published version (or nothing is published yet). */
  hasUnpublishedChanges: z.boolean(),
});
export type OnboardingModule = z.infer<typeof moduleSchema>;

/** GET /api/modules */
export const moduleListSchema = z.object({ modules: z.array(moduleSchema) });

/** A published, immutable version (GET /api/module-versions/{id}). */
export const moduleVersionSchema = z.object({
  id,
  moduleId: id,
  version: z.number().int(),
  content: z.custom<ModuleContent>(),
  publishedAt: z.string(),
  publishedBy: z.string(),
});
export type ModuleVersion = z.infer<typeof moduleVersionSchema>;

/** POST /api/modules/{id}/publish (If-Match: the draft etag) → 201 { version, module } (module has its new etag). */
export const publishResultSchema = z.object({ version: moduleVersionSchema, module: moduleSchema });
export type PublishResult = z.infer<typeof publishResultSchema>;

export * from './onboarding-cohort-contracts.js';
export * from './onboarding-learner-contracts.js';
export * from './onboarding-remind-contracts.js';
