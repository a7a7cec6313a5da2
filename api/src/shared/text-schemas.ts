/**
 * The small field rules every contract file shares: opaque ids and bounded text.
 * Imports only zod on purpose: contracts.ts re-exports the other contract files (`export *`), so
 * they can't import values from contracts.ts without an ESM cycle; they all import these from here.
 */
import { z } from 'zod';

/** Ids are opaque, URL-safe strings (UUIDs for records we create). */
export const opaqueId = (max = 64) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, "-" or "_" only');

/** Trimmed text with a length cap; rejects control characters other than newlines. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max} characters`)
    // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
    .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value), 'Remove control characters');
