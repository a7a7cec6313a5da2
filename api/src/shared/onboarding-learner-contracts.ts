/**
 * The new hire's side of onboarding: my assignments, a module as they read it (live strategy map
 * resolved, answers hidden until answered), per-section progress, answers and acknowledgement.
 * Re-exported (via onboarding-contracts.ts) from contracts.ts; imports only zod (no cycle).
 */
import { z } from 'zod';
import { opaqueId } from './text-schemas.js';
import { says } from './validation-text.js';

const id = opaqueId();

const personStatusSchema = z.enum(['not_started', 'in_progress', 'completed']);

export const answerRecordSchema = z.object({
  questionId: z.string(),
  selectedOptionIds: z.array(z.string()),
  correct: z.boolean(),
  /** Whether the FIRST answer to this question was right (kept even after later tries). */
  firstTryCorrect: z.boolean(),
  attempts: z.number().int(),
  /**
   * Whether the right answer may be shown: after a correct answer or the second wrong try. Until then
   * correctOptionIds is empty and explanation is '' (the API never sends them earlier).
   */
  revealed: z.boolean().default(true),
  correctOptionIds: z.array(z.string()),
  explanation: z.string(),
  /** Why the picked options are wrong (the author's per-option explanations and the question's hint): never names the right option before it is revealed. */
  feedback: z.array(z.string()).default([]),
});
export type AnswerRecord = z.infer<typeof answerRecordSchema>;

export const progressSchema = z.object({
  assignmentId: z.string(),
  status: personStatusSchema,
  sectionsDone: z.array(z.string()),
  answers: z.array(answerRecordSchema),
  acknowledgedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  openedFromNotificationAt: z.string().nullable(),
  /** The module version taken. */
  version: z.number().int(),
});
export type OnboardingProgress = z.infer<typeof progressSchema>;

/** One row of GET /api/me/onboarding. */
export const myAssignmentSchema = z.object({
  assignmentId: z.string(),
  moduleId: z.string(),
  moduleVersionId: z.string(),
  version: z.number().int(),
  title: z.string(),
  summary: z.string(),
  estimatedMinutes: z.number().int(),
  dueDate: z.string(),
  overdue: z.boolean(),
  status: personStatusSchema,
  sectionsDone: z.number().int(),
  sectionCount: z.number().int(),
  questionsAnswered: z.number().int(),
  questionCount: z.number().int(),
  completedAt: z.string().nullable(),
});
export type MyAssignment = z.infer<typeof myAssignmentSchema>;
export const myOnboardingSchema = z.object({ assignments: z.array(myAssignmentSchema) });
export type MyOnboarding = z.infer<typeof myOnboardingSchema>;

const strategySummary = z.object({ id: z.string(), title: z.string(), why: z.string(), customerImpact: z.string() });
const organisationSummary = z.object({
  name: z.string(),
  vision: z.string(),
  mission: z.string(),
  values: z.array(z.object({ name: z.string(), description: z.string() })),
  differentiator: z.string(),
});

/** A block as the new hire receives it: strategyMap and thenAndNow carry the CURRENT organisation, read now. */
export const renderedBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), text: z.string() }),
  z.object({ type: z.literal('paragraph'), text: z.string() }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.string()) }),
  z.object({ type: z.literal('link'), text: z.string(), url: z.string() }),
  z.object({ type: z.literal('image'), url: z.string(), alt: z.string() }),
  z.object({
    type: z.literal('strategyMap'),
    caption: z.string().optional(),
    organisation: organisationSummary.nullable(),
    strategies: z.array(strategySummary),
  }),
  z.object({
    type: z.literal('thenAndNow'),
    formerCompany: z.string(),
    formerMission: z.string(),
    formerValues: z.array(z.string()),
    stays: z.array(z.string()),
    changes: z.array(z.string()),
    why: z.string(),
    currentCompany: z.string(),
    currentMission: z.string(),
    currentValues: z.array(z.string()),
  }),
]);
export type RenderedBlock = z.infer<typeof renderedBlockSchema>;

/** A knowledge check as the new hire sees it before answering: no right answers, no explanation. */
export const learnerQuestionSchema = z.object({
  id: z.string(),
  prompt: z.string(),
  kind: z.enum(['single', 'multiple']),
  options: z.array(z.object({ id: z.string(), text: z.string() })),
});

/** GET /api/me/onboarding/{assignmentId} */
export const myModuleSchema = z.object({
  assignment: myAssignmentSchema,
  /** The language of the words below (BCP 47, e.g. "de"): the translation that best matched Accept-Language, or the module's original. */
  language: z.string(),
  acknowledgement: z.string(),
  sections: z.array(z.object({ id: z.string(), title: z.string(), blocks: z.array(renderedBlockSchema) })),
  questions: z.array(learnerQuestionSchema),
  progress: progressSchema,
});
export type MyModule = z.infer<typeof myModuleSchema>;

/** PUT /api/me/onboarding/{assignmentId}/sections/{sectionId} → 200 progress */
export const sectionProgressSchema = z.strictObject({ done: z.boolean() });

/** POST /api/me/onboarding/{assignmentId}/answers → 200 { answer, progress } (immediate feedback). */
export const submitAnswerSchema = z.strictObject({
  questionId: id,
  selectedOptionIds: z.array(id).min(1, says('pickAnAnswer')).max(8),
});
export const answerResultSchema = z.object({ answer: answerRecordSchema, progress: progressSchema });
export type AnswerResult = z.infer<typeof answerResultSchema>;

/** POST /api/me/onboarding/{assignmentId}/acknowledge → 200 progress (completed), or 409 `incomplete` listing what is missing. */
export const acknowledgeSchema = z.strictObject({ acknowledged: z.literal(true, says('tickTheAcknowledgement')) });

/** POST /api/me/onboarding/{assignmentId}/opened — the tab calls it when opened from the Teams notification deep link. */
export const openedSchema = z.strictObject({ via: z.literal('notification') });
