/**
 * POST /api/client-errors: an error the tab hit, reported so it shows up next to the API's traces.
 * What is sent is what is safe to keep: kinds, names, codes, statuses, the tab's route, stack frames
 * and the trace id. Never an error message or anything on screen (they can quote what people wrote).
 * The tab imports only the type (its home view carries no schema for this).
 */
import { z } from 'zod';
import { says } from './validation-text.js';

export const CLIENT_ERROR_LIMITS = {
  maxBodyBytes: 4_096,
  stackChars: 2_000,
} as const;

const token = (max: number) => z.string().max(max).regex(/^[A-Za-z0-9_.:\-/#]*$/, says('useLettersDigitsAndOnly'));

export const clientErrorReportSchema = z.strictObject({
  /** unhandled: window error or rejection; render: a React error boundary; api: a failed API call. */
  kind: z.enum(['unhandled', 'render', 'api']),
  /** The error's name, e.g. TypeError or ApiError. */
  name: token(64),
  /** For api errors: the problem code and HTTP status (0 when the request got no answer). */
  code: token(64).optional(),
  status: z.number().int().min(0).max(599).optional(),
  /** The tab's own route (path and hash, no query), e.g. /tab/#/home. */
  route: token(200).optional(),
  /** The W3C trace id of the failed request (or of the page's trace). */
  traceId: z.string().regex(/^[0-9a-f]{32}$/, says('aTraceIdIs32Lowercase')).optional(),
  /** Stack frames only (function and file:line:column); a message line is dropped by the tab. */
  stack: z.string().max(CLIENT_ERROR_LIMITS.stackChars).optional(),
});
export type ClientErrorReport = z.infer<typeof clientErrorReportSchema>;
