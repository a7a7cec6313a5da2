/**
 * A person's own download (pure): which of the tenant's documents are about them, and those documents
 * with every other person's id and name replaced, so the file holds their data and nobody else's
 * names. "About them" means their id appears anywhere in the document (their record, tasks, progress,
 * answers, moments they wrote, received or reacted to, cohorts and assignments they are in, audit
 * entries they made or that describe their things). Not included: idempotency records (a 24-hour
 * replay cache of their own requests' answers) and pulse responses (anonymous: nothing ties one to them).
 */
import { namePattern, withoutSystemFields } from './data-rights-erasure.js';

export const ANOTHER_PERSON = 'Another person';
export const ANOTHER_PERSON_ID = 'another-person';

/** Containers whose documents a personal download looks at. */
export const PERSONAL_EXPORT_CONTAINERS = ['directory', 'strategy', 'tasks', 'onboarding', 'alignment', 'pulses'] as const;

export interface OtherPeople {
  ids: ReadonlySet<string>;
  /** Display names, UPNs and emails of everyone else (names equal to the person's own are left out by the caller). */
  names: readonly string[];
}

export function isAboutPerson(document: Record<string, unknown>, personId: string): boolean {
  return JSON.stringify(document).toLowerCase().includes(personId.toLowerCase());
}

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export interface Redactor {
  (document: Record<string, unknown>): Record<string, unknown>;
}

/** Replaces every other person's id (GUIDs, also inside longer strings and keys) and name. */
export function redactorFor(others: OtherPeople): Redactor {
  const ids = new Set([...others.ids].map((id) => id.toLowerCase()));
  const names = namePattern(others.names);
  const redactString = (value: string) => {
    const withoutIds = value.replace(GUID, (match) => (ids.has(match.toLowerCase()) ? ANOTHER_PERSON_ID : match));
    return names ? withoutIds.replace(names, ANOTHER_PERSON) : withoutIds;
  };
  const redact = (value: unknown): unknown => {
    if (typeof value === 'string') return redactString(value);
    if (Array.isArray(value)) return value.map(redact);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [redactString(key), redact(inner)]));
    return value;
  };
  return (document) => redact(withoutSystemFields(document)) as Record<string, unknown>;
}

export const PERSONAL_EXPORT_NOTES = [
  'Every record Line of Sight keeps that mentions you, grouped by where it is stored. Other people appear as "Another person".',
  'Pulse answers are anonymous: nothing links them to you, so they cannot be part of your download.',
  'Answers kept to replay retried requests (24 hours at most) are not included.',
] as const;
