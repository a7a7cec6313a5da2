/** The strategy editor's forms: values ↔ API input, checks the person sees before anything is sent. */
import { LIMITS } from '@contracts';
import type { EditableOrganisation, EditableStrategy, OrganisationInput, Progress, StrategyInput } from './api/schemas';
import { strategyEditorText } from './messages';

const t = strategyEditorText.text;

export const MAX_MEASURES = 5;

export interface StrategyFormValues {
  title: string;
  why: string;
  customerImpact: string;
  /** '' while nobody owns it. */
  ownerId: string;
  progress: Progress;
  /** One measure of success per line. */
  measures: string;
}

export type StrategyField = keyof StrategyFormValues;
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export const emptyStrategyForm: StrategyFormValues = {
  title: '',
  why: '',
  customerImpact: '',
  ownerId: '',
  progress: 'not_started',
  measures: '',
};

export function strategyFormValues(strategy: EditableStrategy): StrategyFormValues {
  return {
    title: strategy.title,
    why: strategy.why,
    customerImpact: strategy.customerImpact,
    ownerId: strategy.ownerId ?? '',
    progress: strategy.progress,
    measures: strategy.measures.join('\n'),
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export function strategyInput(values: StrategyFormValues): Required<StrategyInput> {
  return {
    title: values.title.trim(),
    why: values.why.trim(),
    customerImpact: values.customerImpact.trim(),
    ownerId: values.ownerId === '' ? null : values.ownerId,
    progress: values.progress,
    measures: lines(values.measures),
  };
}

/** Title is required; why and customer link may wait (the strategy is then flagged incomplete). */
export function checkStrategy(values: StrategyFormValues): FieldErrors<StrategyField> {
  const errors: FieldErrors<StrategyField> = {};
  const input = strategyInput(values);
  if (!input.title) errors.title = t('form.titleMissing');
  else if (input.title.length > LIMITS.strategyTitle) errors.title = t('form.tooLong', { limit: LIMITS.strategyTitle });
  if (input.why.length > LIMITS.longText) errors.why = t('form.tooLong', { limit: LIMITS.longText });
  if (input.customerImpact.length > LIMITS.longText) errors.customerImpact = t('form.tooLong', { limit: LIMITS.longText });
  if (input.measures.length > MAX_MEASURES) errors.measures = t('form.tooManyMeasures', { count: MAX_MEASURES });
  return errors;
}

/** Only what changed since the dialog opened; null when nothing did. */
export function strategyChanges(initial: StrategyFormValues, values: StrategyFormValues): Partial<StrategyInput> | null {
  const before = strategyInput(initial);
  const after = strategyInput(values);
  const changes: Partial<StrategyInput> = {};
  if (after.title !== before.title) changes.title = after.title;
  if (after.why !== before.why) changes.why = after.why;
  if (after.customerImpact !== before.customerImpact) changes.customerImpact = after.customerImpact;
  if (after.ownerId !== before.ownerId) changes.ownerId = after.ownerId;
  if (after.progress !== before.progress) changes.progress = after.progress;
  if (after.measures.join('\n') !== before.measures.join('\n')) changes.measures = after.measures;
  return Object.keys(changes).length > 0 ? changes : null;
}

export interface OrganisationFormValues {
  name: string;
  vision: string;
  mission: string;
  /** One value per line: "Name — what it means". */
  values: string;
  differentiator: string;
}

export type OrganisationField = keyof OrganisationFormValues;

export function organisationFormValues(organisation: EditableOrganisation): OrganisationFormValues {
  return {
    name: organisation.name,
    vision: organisation.vision,
    mission: organisation.mission,
    values: organisation.values.map((v) => (v.description ? `${v.name} — ${v.description}` : v.name)).join('\n'),
    differentiator: organisation.differentiator,
  };
}

export function organisationInput(values: OrganisationFormValues): OrganisationInput {
  return {
    name: values.name.trim(),
    vision: values.vision.trim(),
    mission: values.mission.trim(),
    values: lines(values.values).map((line) => {
      const [name = '', ...rest] = line.split(/\s+[—–-]\s+/);
      return { name: name.trim(), description: rest.join(' — ').trim() };
    }),
    differentiator: values.differentiator.trim(),
  };
}

export function checkOrganisation(values: OrganisationFormValues): FieldErrors<OrganisationField> {
  const errors: FieldErrors<OrganisationField> = {};
  const input = organisationInput(values);
  if (!input.name) errors.name = t('form.nameMissing');
  if (!input.vision) errors.vision = t('form.visionMissing');
  for (const [field, text] of [['vision', input.vision], ['mission', input.mission], ['differentiator', input.differentiator]] as const) {
    if (text.length > LIMITS.longText) errors[field] = t('form.tooLong', { limit: LIMITS.longText });
  }
  return errors;
}
