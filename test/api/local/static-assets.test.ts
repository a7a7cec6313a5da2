/**
 * The local host serves the built tab compressed (Brotli or gzip, as Accept-Encoding allows, with
 * Vary) and caches hashed assets for a year (immutable), never index.html. Real HTTP against the
 * real local host; the bytes are checked against tabs/dist after decompressing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressedBytes, negotiateEncoding } from '../../../api/src/local/static-compression.js';
import { startLocalStack, type LocalStack } from '../../../api/src/local/stack.js';

const dist = fileURLToPath(new URL('../../../tabs/dist/', import.meta.url));

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** node:http, not fetch: fetch would decompress the body and hide what went over the wire. */
function get(url: string, headers: Record<string, string>, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The tab's shell chunk (main.tsx), from the build manifest: a hashed asset of a few hundred KB. */
function shellChunk(): string {
  const manifest = JSON.parse(readFileSync(`${dist}.vite/manifest.json`, 'utf8')) as Record<string, { file: string }>;
  const chunk = manifest['src/main.tsx'];
  if (!chunk) throw new Error('The build manifest has no src/main.tsx');
  return chunk.file;
}

let stack: LocalStack;
beforeAll(async () => {
  expect(existsSync(`${dist}index.html`), 'tabs/dist is not built: run `npm run build -w tabs`').toBe(true);
  stack = await startLocalStack({ port: 0 });
});
afterAll(async () => {
  await stack?.close();
});

describe('static files of the local host', () => {
  it('answers Brotli or gzip as Accept-Encoding allows, with Vary, the same bytes once decompressed', async () => {
    const asset = shellChunk();
    const onDisk = readFileSync(`${dist}${asset}`);
    const url = `${stack.url}/tab/${asset}`;

    const br = await get(url, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(Number(br.headers['content-length'])).toBe(br.body.byteLength);
    expect(br.body.byteLength).toBeLessThan(onDisk.byteLength / 2);
    expect(brotliDecompressSync(br.body).equals(onDisk)).toBe(true);

    const gzip = await get(url, { 'Accept-Encoding': 'br;q=0, gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(onDisk)).toBe(true);

    const plain = await get(url, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body.equals(onDisk)).toBe(true);

    const head = await get(url, { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(head.headers['content-encoding']).toBe('br');
    expect(Number(head.headers['content-length'])).toBe(br.body.byteLength);
    expect(head.body.byteLength).toBe(0);
  });

  it('caches hashed assets for a year as immutable, and has index.html revalidated every time', async () => {
    const asset = await get(`${stack.url}/tab/${shellChunk()}`, { 'Accept-Encoding': 'br' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    for (const path of ['/tab/', '/tab/index.html', '/tab/some/client/route']) {
      const page = await get(`${stack.url}${path}`, { 'Accept-Encoding': 'br, gzip' });
      expect(page.status, path).toBe(200);
      expect(page.headers['cache-control'], path).toBe('no-cache');
      expect(page.headers['content-type'], path).toMatch(/^text\/html/);
    }
  });
});

describe('choosing and keeping compressed bytes', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['gzip;q=0, br;q=0', undefined],
    ['identity', undefined],
    ['*', 'br'],
    ['*;q=0.1, br;q=0', 'gzip'],
    ['', undefined],
  ])('Accept-Encoding "%s" → %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });

  it('compresses a file once per version, not per request', async () => {
    const body = Buffer.from('const x = 1;\n'.repeat(200));
    const first = compressedBytes('/virtual/a.js', 'v1', body, 'br');
    expect(compressedBytes('/virtual/a.js', 'v1', body, 'br')).toBe(first);
    expect(compressedBytes('/virtual/a.js', 'v2', body, 'br')).not.toBe(first);
    expect(brotliDecompressSync(await first).equals(body)).toBe(true);
  });
});
