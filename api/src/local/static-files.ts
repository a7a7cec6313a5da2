/**
 * Static files of the local stack: the built tab at /tab/ (as Static Web Apps serves it in Azure)
 * and the local Teams host page at /. Both come from Vite builds; if a build is missing the answer
 * says which command makes it.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tabSecurityHeaders } from '../http/security-headers.js';
import { compressedBytes, isCompressible, negotiateEncoding } from './static-compression.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The repository root: the nearest ancestor holding both api/ and tabs/ (works from src/ and dist/). */
export function findRepoRoot(start: string = fileURLToPath(new URL('.', import.meta.url))): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'api')) && existsSync(join(dir, 'tabs'))) return dir;
    const parent = resolve(dir, '..');
    if (parent === dir) throw new Error(`No repository root (with api/ and tabs/) above ${start}`);
    dir = parent;
  }
}

/** The local Teams host page frames the tab from the same origin; the Teams hosts come on top. */
const TAB_HEADERS = tabSecurityHeaders(["'self'"]);

const DEV_HOST_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy':
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; frame-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'",
};

export interface StaticSite {
  /** Directory with the built files. */
  dir: string;
  /** Command that builds it, for the "not built yet" answer. */
  buildCommand: string;
  headers: Record<string, string>;
  /** Serve index.html for unknown extension-less paths (client-side routes). */
  spaFallback: boolean;
}

export function localSites(repoRoot: string): { tab: StaticSite; devHost: StaticSite } {
  return {
    tab: { dir: join(repoRoot, 'tabs', 'dist'), buildCommand: 'npm run build -w tabs', headers: TAB_HEADERS, spaFallback: true },
    devHost: { dir: join(repoRoot, 'tabs', 'dist-devhost'), buildCommand: 'npm run build -w tabs', headers: DEV_HOST_HEADERS, spaFallback: false },
  };
}

async function fileAt(path: string): Promise<string | undefined> {
  try {
    return (await stat(path)).isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/**
 * Serves `relativePath` (already stripped of the site's mount point, e.g. "assets/x.js") from the site,
 * compressed when the request's Accept-Encoding allows (see static-compression.ts).
 */
export async function serveStatic(
  res: ServerResponse,
  site: StaticSite,
  relativePath: string,
  method: string,
  acceptEncoding?: string | string[],
): Promise<void> {
  if (method !== 'GET' && method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendText(res, 405, 'Method not allowed', site.headers);
  }
  if (!existsSync(join(site.dir, 'index.html'))) {
    return sendText(res, 503, `This page has not been built yet. Run \`${site.buildCommand}\` (or \`npm run build\`) and reload.`, site.headers);
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativePath);
  } catch {
    return sendText(res, 400, 'Bad path', site.headers);
  }
  const root = resolve(site.dir);
  const requested = resolve(root, `.${sep}${decoded}`);
  if (requested !== root && !requested.startsWith(root + sep)) return sendText(res, 404, 'Not found', site.headers);

  const indexPath = join(root, 'index.html');
  let file = decoded === '' || decoded.endsWith('/') ? await fileAt(join(requested, 'index.html')) : await fileAt(requested);
  if (!file && site.spaFallback && extname(decoded) === '') file = indexPath;
  if (!file) return sendText(res, 404, 'Not found', site.headers);

  const [raw, stats] = await Promise.all([readFile(file), stat(file)]);
  const extension = extname(file).toLowerCase();
  const compressible = isCompressible(extension, raw.byteLength);
  const encoding = compressible ? negotiateEncoding(acceptEncoding) : undefined;
  const body = encoding ? await compressedBytes(file, `${stats.size}:${stats.mtimeMs}`, raw, encoding) : raw;
  const isHashedAsset = file.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    ...site.headers,
    'Content-Type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
    'Content-Length': body.byteLength,
    // Vite puts content hashes in asset names, so they never change; HTML must always be revalidated.
    'Cache-Control': isHashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
    // Caches keep the Brotli, gzip and plain answers apart.
    ...(compressible ? { Vary: 'Accept-Encoding' } : {}),
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
  });
  res.end(method === 'HEAD' ? undefined : body);
}
