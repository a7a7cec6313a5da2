// Builds the API's deployment package for Azure Functions (Flex Consumption): one esbuild bundle of
// api/src/index.ts with every production dependency inside, next to host.json and a package.json
// whose "main" names the bundle. Nothing is installed: the bundle is made from the node_modules that
// `npm ci` put there from package-lock.json, so the same commit always ships the same code.
//
//   npm run build -w api     (runs this as postbuild)  → api/dist/azure-functions/ and api/dist/api.zip
//
// azure.yaml deploys api/dist/azure-functions (azd zips it); api.zip is for the manual fallback
// (az functionapp deployment source config-zip).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { createZip } from '../appPackage/zip.js';

export const API_DIR = dirname(fileURLToPath(import.meta.url));
export const BUNDLE_FILE = 'index.js';
/** Provided by the Functions host's Node worker at run time (the local stack has a stand-in). */
export const HOST_PROVIDED_MODULES = ['@azure/functions-core'] as const;

// CommonJS dependencies bundled into an ES module still call require() (for Node built-ins and for
// the host's @azure/functions-core). None reads __dirname; an ES module dependency (open) declares
// its own, so no __dirname shim here.
const REQUIRE_SHIM = "import { createRequire as __losCreateRequire } from 'node:module'; const require = __losCreateRequire(import.meta.url);";

export interface ApiPackage {
  /** The folder azd deploys: host.json, package.json, index.js. */
  folder: string;
  zipPath: string;
  /** npm packages whose code is inside the bundle, by name. */
  bundledPackages: string[];
  /** Every file esbuild put in the bundle (paths relative to the repository root). */
  inputs: string[];
  bundleBytes: number;
}

/** The npm package a bundled input file belongs to (node_modules/@scope/name/... or node_modules/name/...). */
export function packageOfInput(inputPath: string): string | undefined {
  const path = inputPath.replaceAll('\\', '/');
  const at = path.lastIndexOf('node_modules/');
  if (at < 0 || (at > 0 && path[at - 1] !== '/')) return undefined;
  return /^((?:@[^/]+\/)?[^/]+)\//.exec(path.slice(at + 'node_modules/'.length))?.[1];
}

function packagesIn(metafile: Metafile): string[] {
  const names = Object.keys(metafile.inputs).map(packageOfInput).filter((name): name is string => Boolean(name));
  return [...new Set(names)].sort();
}

export async function buildApiPackage(outDir = join(API_DIR, 'dist')): Promise<ApiPackage> {
  const folder = join(outDir, 'azure-functions');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });

  const result = await build({
    entryPoints: [join(API_DIR, 'src', 'index.ts')],
    outfile: join(folder, BUNDLE_FILE),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: [...HOST_PROVIDED_MODULES],
    banner: { js: REQUIRE_SHIM },
    metafile: true,
    // Paths in the output's comments and the metafile are relative to this: the same bytes whichever folder the build runs from.
    absWorkingDir: join(API_DIR, '..'),
    legalComments: 'eof',
    logLevel: 'error',
  });

  const apiManifest = JSON.parse(readFileSync(join(API_DIR, 'package.json'), 'utf8')) as { name: string; version: string };
  // No dependencies: they are in the bundle. "type": "module" because the bundle is an ES module.
  const packageJson = { name: apiManifest.name, version: apiManifest.version, private: true, type: 'module', main: BUNDLE_FILE };
  const files = [
    { name: 'host.json', data: readFileSync(join(API_DIR, 'host.json')) },
    { name: 'package.json', data: Buffer.from(`${JSON.stringify(packageJson, null, 2)}\n`) },
    { name: BUNDLE_FILE, data: readFileSync(join(folder, BUNDLE_FILE)) },
  ];
  for (const file of files.slice(0, 2)) writeFileSync(join(folder, file.name), file.data);
  const zipPath = join(outDir, 'api.zip');
  writeFileSync(zipPath, createZip(files));

  return {
    folder,
    zipPath,
    bundledPackages: packagesIn(result.metafile),
    inputs: Object.keys(result.metafile.inputs),
    bundleBytes: files[2]?.data.length ?? 0,
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const built = await buildApiPackage();
  const kb = Math.round(built.bundleBytes / 1024);
  console.log(`API package: ${relative(process.cwd(), built.folder)} (${kb} KB bundle, ${built.bundledPackages.length} packages) and ${relative(process.cwd(), built.zipPath)} in ${Date.now() - started} ms`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
