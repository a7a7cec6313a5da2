/**
 * The small field rules every contract file shares, opaque ids and bounded text, written once as
 * zod checks. `idField` / `textField` build them with `zod/mini` for the contracts the tab's home
 * view loads (contracts.ts, task-source-contracts.ts): mini's functional API tree-shakes, so the home
 * view downloads only the parts of zod it uses. text-schemas.ts builds the same checks as classic
 * schemas for the contract files that chain methods. Imports only zod/mini: the home view's bundle
 * must not reach classic zod through this file.
 */
import { z } from 'zod/mini';
import { says } from './validation-text.js';

const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Where a strategy stands: one list for the editor's (classic) and the home view's (mini) schemas. */
export const STRATEGY_PROGRESS = ['not_started', 'on_track', 'at_risk', 'off_track'] as const;
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Ids are opaque, URL-safe strings (UUIDs for records we create). */
export const idChecks = (max: number) => [z.minLength(1), z.maxLength(max), z.regex(ID_PATTERN, says('useLettersDigitsOrOnly'))];

/** Trimmed text with a length cap; rejects control characters other than newlines. */
export const textChecks = (max: number) => [
  z.trim(),
  z.maxLength(max, says('keepThisUnderCharacters', { max })),
  z.refine<string>((value) => !CONTROL_CHARACTERS.test(value), says('removeControlCharacters')),
];

export const idField = (max = 64) => z.string().check(...idChecks(max));
export const textField = (max: number) => z.string().check(...textChecks(max));
