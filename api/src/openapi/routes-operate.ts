/** Operating it (readiness, the tab's error reports) and people's data rights (issue 14). */
import { z } from 'zod';
import * as clientErrors from '../shared/client-error-contracts.js';
import * as rights from '../shared/data-rights-contracts.js';
import type { RouteDocs } from './route-doc.js';

const ADMIN = 'Admin';
const nullableCount = z.number().nullable();
/** What GET /api/health/ready reports (domain/readiness.ts). */
const readinessSchema = z.object({
  status: z.enum(['ok', 'degraded', 'unavailable']),
  checkedAt: z.string(),
  cosmos: z.object({ reachable: z.boolean(), latencyMs: z.number() }),
  tenants: z.array(
    z.object({
      tenantId: z.string(),
      status: z.enum(['ok', 'degraded']),
      outbox: z.object({ pending: z.number(), oldestPendingAgeSeconds: nullableCount, dead: z.number() }),
      directorySync: z.object({ lastCompletedAt: z.string().nullable(), lagSeconds: nullableCount }),
    }),
  ),
});

export const OPERATE_ROUTES: RouteDocs = {
  'health-ready': {
    summary: 'Readiness: Cosmos reachable and its latency, the outbox backlog, dead letters, directory sync lag',
    tag: 'Operations',
    access: 'An Admin (their tenant only), or an operator with the x-health-key header (every tenant)',
    signedIn: false,
    responses: { 200: readinessSchema, 503: readinessSchema },
  },
  'client-errors-create': {
    summary: 'The tab reports an error (no free text), with its trace id',
    tag: 'Operations',
    access: 'Any signed-in person',
    body: clientErrors.clientErrorReportSchema,
    responses: { 202: z.object({ accepted: z.literal(true) }) },
  },
  'me-data-export': { summary: 'Everything the app holds about me, as a JSON download', tag: 'Data rights', access: 'Any signed-in person', responses: { 200: rights.personalExportSchema } },
  'tenant-export': {
    summary: 'Every document of the organisation, streamed as JSON, container by container',
    tag: 'Data rights',
    access: ADMIN,
    responses: { 200: { contentType: 'application/json', description: 'A streamed JSON document of every container’s documents' } },
  },
  'people-erase': { summary: 'Erase a person: their records removed, or anonymised where others’ depend on them', tag: 'Data rights', access: ADMIN, body: rights.emptyRequestSchema, ifMatch: 'required', responses: { 200: rights.personErasureResultSchema } },
  'tenant-deletion-get': { summary: 'Whether the organisation’s deletion is scheduled, and when it happens', tag: 'Data rights', access: 'Any signed-in person (Admins see who asked)', responses: { 200: rights.tenantDeletionStatusSchema } },
  'tenant-deletion-schedule': {
    summary: 'Schedule the organisation’s deletion after a grace period (type its name to confirm)',
    tag: 'Data rights',
    access: ADMIN,
    body: rights.tenantDeletionRequestSchema,
    responses: { 201: rights.tenantDeletionStatusSchema, 200: rights.tenantDeletionStatusSchema },
  },
  'tenant-deletion-cancel': { summary: 'Cancel a scheduled deletion within its grace period', tag: 'Data rights', access: ADMIN, body: rights.emptyRequestSchema, ifMatch: 'required', responses: { 200: rights.tenantDeletionStatusSchema } },
};
