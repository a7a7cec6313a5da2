/**
 * People's data rights (issue 14): a person's own download, the tenant's export, erasing one person,
 * and deleting the whole tenant after a grace period. Imports only zod and text-schemas.ts (see
 * teams-contracts.ts for why); the tab imports it from here, not through contracts.ts.
 */
import { z } from 'zod';
import { text } from './text-schemas.js';
import { says } from './validation-text.js';

export const DATA_RIGHTS_LIMITS = {
  /** Days between an Admin asking to delete the tenant and the deletion. */
  gracePeriodDays: 7,
  /** The typed confirmation: the tenant's name, as the tenant document has it. */
  confirmation: 200,
} as const;

/** POST /api/tenant/deletion (Admin): the organisation's name typed out, exactly (case and spaces at the ends ignored). */
export const tenantDeletionRequestSchema = z.strictObject({
  confirmation: text(DATA_RIGHTS_LIMITS.confirmation).pipe(z.string().min(1, says('typeTheOrganisationSName'))),
});
export type TenantDeletionRequest = z.infer<typeof tenantDeletionRequestSchema>;

/** POST /api/people/{userId}/erase and POST /api/tenant/deletion/cancel (Admin, If-Match): no fields, an empty object. */
export const emptyRequestSchema = z.strictObject({});

export const tenantDeletionStateSchema = z.enum(['none', 'scheduled', 'deleting', 'done', 'cancelled']);
export type TenantDeletionState = z.infer<typeof tenantDeletionStateSchema>;

/** GET /api/tenant/deletion (anyone in the tenant): whether and when the organisation's data goes. */
export const tenantDeletionStatusSchema = z.object({
  state: tenantDeletionStateSchema,
  /** The organisation's name (what an Admin types to confirm). */
  tenantName: z.string(),
  requestedAt: z.string().nullable(),
  /** When the timer deletes everything (requestedAt + grace period). */
  deleteAfter: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  /** Whether the caller may schedule or cancel (Admin). */
  canManage: z.boolean(),
  /** Send as If-Match to cancel. */
  etag: z.string().nullable(),
  gracePeriodDays: z.number(),
});
export type TenantDeletionStatus = z.infer<typeof tenantDeletionStatusSchema>;

/** POST /api/people/{userId}/erase answer: what was removed or anonymised (counts only; no names). */
export const personErasureResultSchema = z.object({
  erased: z.literal(true),
  deleted: z.number(),
  anonymised: z.number(),
});
export type PersonErasureResult = z.infer<typeof personErasureResultSchema>;

/** GET /api/me/data-export: the person's own data, by container, other people's names and ids replaced. */
export const personalExportSchema = z.object({
  kind: z.literal('line-of-sight-personal-export'),
  exportedAt: z.string(),
  tenant: z.object({ id: z.string(), name: z.string() }),
  person: z.object({ id: z.string(), displayName: z.string() }),
  containers: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  notes: z.array(z.string()),
});
export type PersonalExport = z.infer<typeof personalExportSchema>;
