import type { SignupDraft } from '@contracts';

/** The first-run wizard's steps, in order; each one's name is the message `step.<key>`. */
export const STEPS = [{ key: 'consent' }, { key: 'company' }, { key: 'statement' }, { key: 'strategies' }, { key: 'teams' }, { key: 'finish' }] as const;
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

