/** Modules as authors see them, and the publish step (pure). */
import type { ModuleDocument, ModuleVersionDocument } from '../../data/onboarding-documents.js';
import { moduleVersionIdFor } from '../../data/onboarding-documents.js';
import type { ModuleVersion, OnboardingModule } from '../../shared/contracts.js';

export function toModule(document: ModuleDocument & { _etag?: string }): OnboardingModule {
  const latest = document.versions.at(-1);
  return {
    id: document.id,
    content: document.content,
    etag: document._etag ?? '',
    updatedAt: document.updatedAt,
    versions: document.versions,
    latestVersionId: latest?.id ?? null,
    hasUnpublishedChanges: document.draftChanged || !latest,
  };
}

export function toModuleVersion(document: ModuleVersionDocument): ModuleVersion {
  const { id, moduleId, version, content, publishedAt, publishedBy } = document;
  return { id, moduleId, version, content, publishedAt, publishedBy };
}

/** Publishing freezes a copy of the draft as the next version; the draft stays editable. */
export function publish(module: ModuleDocument, publishedBy: string, now: string): { version: ModuleVersionDocument; module: ModuleDocument } {
  const number = (module.versions.at(-1)?.version ?? 0) + 1;
  // A deep copy: later edits of the draft object can never reach the published content.
  const content = structuredClone(module.content);
  const version: ModuleVersionDocument = {
    id: moduleVersionIdFor(module.id, number),
    tenantId: module.tenantId,
    type: 'moduleVersion',
    moduleId: module.id,
    version: number,
    content,
    publishedAt: now,
    publishedBy,
  };
  return {
    version,
    module: {
      ...module,
      versions: [...module.versions, { id: version.id, version: number, publishedAt: now, title: content.title }],
      draftChanged: false,
      updatedAt: now,
    },
  };
}
