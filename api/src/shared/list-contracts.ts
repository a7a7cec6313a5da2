/**
 * Searchable, paged lists (issue 13): one query schema for every list that can grow with the
 * organisation (people, owners, team tasks, cohorts, dashboards, Microsoft 365 groups).
 * `?q=` searches names (case-insensitive, anywhere in the name), `?limit=` bounds the page and
 * `?cursor=` is the `nextCursor` of the previous page (opaque keyset position, not an offset).
 */
import { z } from 'zod';
import { text } from './text-schemas.js';
import { says } from './validation-text.js';

export const LIST_LIMITS = { q: 80, cursor: 1024, limit: { default: 25, max: 100 } } as const;

export const listQuerySchema = z.strictObject({
  q: text(LIST_LIMITS.q).default(''),
  limit: z.coerce
    .number()
    .int(says('useAWholeNumber'))
    .min(1, says('use1OrMore'))
    .max(LIST_LIMITS.limit.max, says('useAtMost', { max: LIST_LIMITS.limit.max }))
    .default(LIST_LIMITS.limit.default),
  cursor: z
    .string()
    .max(LIST_LIMITS.cursor, says('notACursorThisListGave'))
    .regex(/^[A-Za-z0-9_-]*$/, says('notACursorThisListGave'))
    .optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

/** The query-string keys of a list request: the tab builds URLs from these, the API reads only these. */
export const LIST_QUERY_KEYS = ['q', 'limit', 'cursor'] as const;

/** What every paged answer adds to its items: the cursor of the next page, or null on the last one. */
export const nextCursorSchema = z.string().nullable();

/** A Microsoft 365 group or team found by name (Graph `/groups?$search`), for linking it without its Object ID. */
export const groupOptionSchema = z.object({ id: z.string(), displayName: z.string(), isTeam: z.boolean() });
export type GroupOption = z.infer<typeof groupOptionSchema>;
export const groupSearchSchema = z.object({ groups: z.array(groupOptionSchema), truncated: z.boolean() });
export type GroupSearch = z.infer<typeof groupSearchSchema>;
