/**
 * The small field rules every contract file shares: opaque ids and bounded text, as classic zod
 * schemas (the contract files chain methods on them: `.min()`, `.optional()`).
 * Imports only zod on purpose: contracts.ts re-exports the other contract files (`export *`), so
 * they can't import values from contracts.ts without an ESM cycle; they all import these from here.
 * The rules themselves live in field-rules.ts, shared with the zod/mini contracts: classic's methods
 * are these same checks, so both parse identically.
 */
import { z } from 'zod';
import { idChecks, textChecks } from './field-rules.js';

/** Ids are opaque, URL-safe strings (UUIDs for records we create). */
export const opaqueId = (max = 64) => z.string().check(...idChecks(max));

/** Trimmed text with a length cap; rejects control characters other than newlines. */
export const text = (max: number) => z.string().check(...textChecks(max));
