/**
 * Pulse rules without I/O: the window a pulse may be open for, who may answer, what a valid answer
 * is, and the pulse as the API shows it.
 */
import type { PulseDocument } from '../../data/pulse-documents.js';
import { PULSE_LIMITS, type Pulse, type PulseResponseInput } from '../../shared/pulse-contracts.js';

export interface FieldError {
  path: string;
  message: string;
}

const HOUR = 3_600_000;

/** closesAt must leave at least an hour and at most 60 days from now. */
export function windowErrors(now: Date, closesAt: string): FieldError[] {
  const closes = Date.parse(closesAt);
  if (closes < now.getTime() + PULSE_LIMITS.minWindowHours * HOUR) return [{ path: 'closesAt', message: 'Leave the pulse open for at least an hour' }];
  if (closes > now.getTime() + PULSE_LIMITS.maxWindowDays * 24 * HOUR) return [{ path: 'closesAt', message: `Close the pulse within ${PULSE_LIMITS.maxWindowDays} days` }];
  return [];
}

/** The reminder goes half way through the window. */
export function remindAtFor(openedAt: Date, closesAt: Date): string {
  return new Date(openedAt.getTime() + (closesAt.getTime() - openedAt.getTime()) / 2).toISOString();
}

/** Open: not closed by anyone and not past its closing time (the timer closes it soon after). */
export function isAcceptingAnswers(pulse: Pick<PulseDocument, 'status' | 'closesAt'>, now: Date): boolean {
  return pulse.status === 'open' && now.toISOString() < new Date(pulse.closesAt).toISOString();
}

/** Everyone, or the people of the chosen teams. */
export function isInAudience(pulse: Pick<PulseDocument, 'audience'>, teamId: string | null | undefined): boolean {
  return pulse.audience === null || (teamId != null && pulse.audience.teamIds.includes(teamId));
}

/** One answer per statement of the pulse, each exactly once; the values in the pulse's statement order. */
export function orderedValues(statements: readonly { id: string }[], answers: PulseResponseInput['answers']): { ok: true; values: number[] } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const byId = new Map<string, number>();
  answers.forEach((answer, index) => {
    if (!statements.some((statement) => statement.id === answer.statementId)) errors.push({ path: `answers.${index}.statementId`, message: 'Not a statement of this pulse' });
    else if (byId.has(answer.statementId)) errors.push({ path: `answers.${index}.statementId`, message: 'Answer each statement once' });
    else byId.set(answer.statementId, answer.value);
  });
  statements.forEach((statement) => {
    if (!byId.has(statement.id) && errors.length === 0) errors.push({ path: 'answers', message: 'Answer every statement' });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values: statements.map((statement) => byId.get(statement.id)!) };
}

export function toPulse(document: PulseDocument): Pulse {
  return {
    id: document.id,
    title: document.title,
    statements: document.statements,
    audience: document.audience,
    threshold: document.threshold,
    status: document.status,
    openedAt: document.openedAt,
    closesAt: document.closesAt,
    closedAt: document.closedAt,
    audienceSize: document.invited.organisation,
  };
}

/** People the pulse goes to, per team: the response rates' denominators. */
export function invitedCounts(people: readonly { teamId: string | null }[]): { organisation: number; teams: Record<string, number> } {
  const teams: Record<string, number> = {};
  for (const person of people) if (person.teamId) teams[person.teamId] = (teams[person.teamId] ?? 0) + 1;
  return { organisation: people.length, teams };
}
