/**
 * Compressed static files for the local host: Brotli or gzip, as the browser's Accept-Encoding
 * allows. Each file is compressed once per process and the bytes kept in memory (keyed by path,
 * size and modification time, so a rebuild is picked up), never per request. Brotli runs at quality
 * 5: within a few percent of the slowest setting's size at a twentieth of its time, so the first
 * request after a start stays fast. (Azure Static Web Apps compresses the deployed tab itself.)
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type ContentEncoding = 'br' | 'gzip';

const COMPRESSIBLE_EXTENSIONS = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.webmanifest']);
/** Below this, compression saves less than the bytes of its own headers. */
const MIN_COMPRESSIBLE_BYTES = 1024;

export function isCompressible(extension: string, byteLength: number): boolean {
  return COMPRESSIBLE_EXTENSIONS.has(extension) && byteLength >= MIN_COMPRESSIBLE_BYTES;
}

/** The encoding to answer with (RFC 9110 §12.5.3): the acceptable one with the highest weight, Brotli on a tie. */
export function negotiateEncoding(acceptEncoding: string | string[] | undefined): ContentEncoding | undefined {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    weights.set(name, q === undefined ? 1 : Number(q));
  }
  const weightOf = (encoding: ContentEncoding) => weights.get(encoding) ?? weights.get('*') ?? 0;
  const br = weightOf('br');
  const gz = weightOf('gzip');
  if (br > 0 && br >= gz) return 'br';
  if (gz > 0) return 'gzip';
  return undefined;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const cache = new Map<string, { version: string; bytes: Promise<Buffer> }>();

/** `body` (the file at `path`, at `version`) in `encoding`, compressed on first use and then kept. */
export function compressedBytes(path: string, version: string, body: Buffer, encoding: ContentEncoding): Promise<Buffer> {
  const key = `${encoding} ${path}`;
  const cached = cache.get(key);
  if (cached?.version === version) return cached.bytes;
  const bytes =
    encoding === 'br'
      ? brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } })
      : gzipAsync(body, { level: 9 });
  cache.set(key, { version, bytes });
  bytes.catch(() => cache.delete(key));
  return bytes;
}
