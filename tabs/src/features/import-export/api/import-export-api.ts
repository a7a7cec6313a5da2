import { importErrorSchema, importResultSchema, type ImportError, type ImportResult } from '@contracts';
import { z } from 'zod';
import { ApiError, type ApiClient } from '../../../app/api-client';

export type ImportFormat = 'json' | 'csv';

/** JSON when it looks like a JSON object, CSV otherwise (the export writes one of the two). */
export function formatOf(text: string): ImportFormat {
  return text.trimStart().startsWith('{') ? 'json' : 'csv';
}

const CONTENT_TYPES: Record<ImportFormat, string> = { json: 'application/json', csv: 'text/csv' };

export interface ImportExportApi {
  /** The export as a file the browser saves. */
  exportMap(format: ImportFormat): Promise<{ blob: Blob; filename: string }>;
  /** Dry run: every change and every error (owners it changes by name), nothing written. */
  preview(text: string): Promise<ImportResult>;
  /** Writes exactly the previewed changes: If-Match with the preview's map version (412 if the map changed since). */
  apply(text: string, mapVersion: string): Promise<ImportResult>;
}

/** A refused import's errors by row and field, from the 400 problem. */
export function importErrorsOf(error: unknown): ImportError[] | null {
  if (!(error instanceof ApiError)) return null;
  const body = error.body as { errors?: unknown } | undefined;
  const parsed = z.array(importErrorSchema).safeParse(body?.errors);
  return parsed.success && parsed.data.length > 0 ? parsed.data : null;
}

export function createImportExportApi(client: ApiClient): ImportExportApi {
  const post = (text: string, dryRun: boolean, ifMatch?: string) =>
    client.request(`/api/strategy-map/import?dryRun=${dryRun}`, importResultSchema, {
      method: 'POST',
      rawBody: { contentType: CONTENT_TYPES[formatOf(text)], text },
      ifMatch,
    });
  return {
    async exportMap(format) {
      const { blob, filename } = await client.download(`/api/strategy-map/export?format=${format}`);
      return { blob, filename: filename ?? `strategy-map.${format}` };
    },
    preview: (text) => post(text, true),
    apply: (text, mapVersion) => post(text, false, `"${mapVersion}"`),
  };
}
