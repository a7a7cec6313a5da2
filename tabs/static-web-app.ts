// Lays the built tab out as Azure Static Web Apps serves it: the tab under /tab/ (Vite's base) and
// staticwebapp.config.json at the site root, where Static Web Apps reads it. azure.yaml deploys
// tabs/dist-swa; the SWA CLI uploads the folder as it is.
//
//   npm run build -w tabs     (runs this as postbuild)  → tabs/dist-swa/
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const TABS_DIR = dirname(fileURLToPath(import.meta.url));
export const SITE_CONFIG = 'staticwebapp.config.json';
/** The path the tab is served under, locally and on Static Web Apps (vite.config.ts `base`). */
export const TAB_PATH = 'tab';

export function stageStaticWebApp(distDir = join(TABS_DIR, 'dist'), siteDir = join(TABS_DIR, 'dist-swa')): string {
  if (!existsSync(join(distDir, 'index.html'))) throw new Error(`${distDir} has no index.html: build the tab first`);
  if (!existsSync(join(distDir, SITE_CONFIG))) throw new Error(`${distDir} has no ${SITE_CONFIG} (tabs/public)`);
  rmSync(siteDir, { recursive: true, force: true });
  mkdirSync(siteDir, { recursive: true });
  const tabDir = join(siteDir, TAB_PATH);
  // Vite's .vite/manifest.json describes the chunks for tests and the bench; the site doesn't serve it.
  cpSync(distDir, tabDir, { recursive: true, filter: (source) => !relative(distDir, source).split(/[\\/]/).includes('.vite') });
  renameSync(join(tabDir, SITE_CONFIG), join(siteDir, SITE_CONFIG));
  return siteDir;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const siteDir = stageStaticWebApp();
    console.log(`Static Web App layout: ${relative(process.cwd(), siteDir)} (tab under /${TAB_PATH}/)`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
