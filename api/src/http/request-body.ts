/**
 * Reads and validates a JSON request body. Order matters: the cheap checks (content type,
 * declared length) come first, the body is read only up to the limit, and nothing downstream
 * runs unless the body passed the schema.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { safeParse } from 'zod/mini';
import type * as z from 'zod/v4/core';
import { LIMITS } from '../shared/contracts.js';
import '../shared/validation-english.js';
import { problems, type FieldError } from './problem.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; response: HttpResponseInit };

function isJsonContentType(header: string | null): boolean {
  if (!header) return false;
  const mediaType = header.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

/** Reads at most `maxBytes + 1` bytes, so an oversized body is detected without buffering all of it. */
export async function readCapped(request: HttpRequest, maxBytes: number): Promise<Uint8Array | 'too_large'> {
  const stream = request.body;
  if (!stream) return new Uint8Array();
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return 'too_large';
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Turns zod issues into `{ path, message }` entries; unknown keys get one entry each, at their own path. */
export function fieldErrorsFrom(error: z.$ZodError): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ path: [...base, key].join('.'), message: 'Unknown field' });
    } else {
      errors.push({ path: base.join('.'), message: issue.message });
    }
  }
  return errors;
}

export async function parseJsonBody<Schema extends z.$ZodType>(
  request: HttpRequest,
  schema: Schema,
  maxBytes: number = LIMITS.maxBodyBytes,
): Promise<Parsed<z.output<Schema>>> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    return { ok: false, response: problems.unsupportedMediaType() };
  }
  const declaredLength = Number(request.headers.get('content-length') ?? '0');
  if (Number.isFinite(declaredLength) && declaredLength > maxBytes) {
    return { ok: false, response: problems.payloadTooLarge(maxBytes) };
  }
  const bytes = await readCapped(request, maxBytes);
  if (bytes === 'too_large') return { ok: false, response: problems.payloadTooLarge(maxBytes) };

  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, response: problems.malformedJson('Send one JSON object encoded as UTF-8.') };
  }
  const result = safeParse(schema, data);
  if (!result.success) return { ok: false, response: problems.validation(fieldErrorsFrom(result.error)) };
  return { ok: true, value: result.data };
}
