import type { SignupDraft } from '@contracts';

/** The first-run wizard's steps, in order. */
export const STEPS = [
  { key: 'consent', label: 'Permissions' },
  { key: 'company', label: 'Company' },
  { key: 'statement', label: 'Vision and values' },
  { key: 'strategies', label: 'First strategies' },
  { key: 'teams', label: 'Teams' },
  { key: 'finish', label: 'Finish' },
] as const;
export type StepKey = (typeof STEPS)[number]['key'];

/** Where to pick up a draft: the first step not done yet. */
export function firstOpenStep(draft: SignupDraft): number {
  if (draft.consent.state !== 'granted') return 0;
  if (!draft.companyName) return 1;
  if (!draft.statement) return 2;
  if (draft.strategies.length === 0) return 3;
  return 4;
}

/** Whether a step's part of the draft is filled in (the step list ticks it). */
export const stepDone = (key: StepKey, draft: SignupDraft) =>
  ({ consent: draft.consent.state === 'granted', company: Boolean(draft.companyName), statement: Boolean(draft.statement), strategies: draft.strategies.length > 0, teams: draft.teams.length > 0, finish: false })[key];

