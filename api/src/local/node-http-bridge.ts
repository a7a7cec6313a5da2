/**
 * Converts between node:http and the `@azure/functions` request/response classes, the way the
 * Functions host does before and after it invokes a handler.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import azureFunctions from '@azure/functions';
import type { HttpResponseInit } from '@azure/functions';

// Default import: on Node 20 the ESM named import of this CommonJS package fails.
const { HttpRequest, HttpResponse } = azureFunctions;
export type FunctionsHttpRequest = InstanceType<typeof HttpRequest>;
export type FunctionsHttpResponse = InstanceType<typeof HttpResponse>;

/** The Functions host refuses bodies above 100 MB; locally a smaller cap protects the dev machine. */
export const HOST_MAX_BODY_BYTES = 4 * 1024 * 1024;

export async function readNodeBody(req: IncomingMessage): Promise<Buffer | 'too_large'> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    total += buffer.byteLength;
    if (total > HOST_MAX_BODY_BYTES) return 'too_large';
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function toFunctionsRequest(req: IncomingMessage, body: Buffer, params: Record<string, string> = {}): FunctionsHttpRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  // As Azure's front end does: append the address the connection came from (the rate limits read it).
  const peer = req.socket.remoteAddress;
  if (peer) headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${peer}` : peer;
  return new HttpRequest({
    method: req.method ?? 'GET',
    url: `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`,
    headers,
    params,
    ...(body.byteLength > 0 ? { body: { bytes: body } } : {}),
  });
}

/** Whether the handler answered with a stream (as the tenant export does): sent as it is read, not buffered. */
function isStreamBody(init: HttpResponseInit | FunctionsHttpResponse): boolean {
  const body = init instanceof HttpResponse ? undefined : init.body;
  return typeof body === 'object' && body !== null && (body instanceof ReadableStream || Symbol.asyncIterator in body);
}

/** Writes the stream chunk by chunk, waiting for the socket to drain (the client sets the pace); cut off on error. */
async function writeStreamedResponse(res: ServerResponse, response: FunctionsHttpResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  try {
    for await (const chunk of response.body ?? []) {
      if (!res.write(chunk)) await new Promise<void>((resolve) => res.once('drain', resolve));
      if (res.destroyed) return;
    }
    res.end();
  } catch (error) {
    // Headers are gone already: all a client can be told is that the body is cut short.
    console.error('Streamed response failed', error);
    res.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}

export async function writeFunctionsResponse(res: ServerResponse, init: HttpResponseInit | FunctionsHttpResponse): Promise<void> {
  const response = init instanceof HttpResponse ? init : new HttpResponse(init);
  if (isStreamBody(init)) return writeStreamedResponse(res, response);
  const body = Buffer.from(await response.arrayBuffer());
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  if (body.byteLength > 0) res.setHeader('Content-Length', body.byteLength);
  res.end(body);
}
