import { isAboutPerson, PERSONAL_EXPORT_CONTAINERS, PERSONAL_EXPORT_NOTES, redactorFor } from '../domain/data-rights-export.js';
import { withoutSystemFields } from '../domain/data-rights-erasure.js';
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { json } from '../http/respond.js';
import { tenantDocumentPages } from '../data/tenant-documents.js';
import type { PersonalExport } from '../shared/data-rights-contracts.js';

/**
 * GET /api/me/data-export (anyone): everything the app keeps that mentions the caller, as one JSON
 * attachment, other people's ids and names replaced (domain/data-rights-export.ts). The tenant is read
 * a page at a time; only the caller's documents are held.
 */
export const meDataExport = authenticatedHandler(async ({ caller, services }) => {
  const { tenantId, userId } = caller;
  const [tenant, people] = await Promise.all([services.tenants.get(tenantId), services.people.listPeople(tenantId)]);
  const me = people.find((person) => person.id === userId);
  if (!tenant || !me) return problems.notFound();
  const ownNames = new Set([me.displayName, me.upn, me.email].filter(Boolean).map((name) => name!.toLowerCase()));
  const others = people.filter((person) => person.id !== userId);
  const redact = redactorFor({
    ids: new Set(others.map((person) => person.id)),
    names: others.flatMap((person) => [person.displayName, person.upn, person.email]).filter((name): name is string => Boolean(name) && !ownNames.has(name!.toLowerCase())),
  });
  const containers: PersonalExport['containers'] = {};
  for await (const page of tenantDocumentPages(services.containers, tenantId, undefined, PERSONAL_EXPORT_CONTAINERS)) {
    for (const document of page.documents) {
      if (document.tenantId !== tenantId || !isAboutPerson(withoutSystemFields(document), userId)) continue;
      (containers[page.container] ??= []).push(redact(document));
    }
  }
  const body: PersonalExport = {
    kind: 'line-of-sight-personal-export',
    exportedAt: services.now().toISOString(),
    tenant: { id: tenantId, name: tenant.name },
    person: { id: userId, displayName: me.displayName },
    containers,
    notes: [...PERSONAL_EXPORT_NOTES],
  };
  return json(200, body, { 'Content-Disposition': 'attachment; filename="line-of-sight-my-data.json"', 'Cache-Control': 'no-store' });
});
