import { fileURLToPath } from 'node:url';
import griffel from '@griffel/vite-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { linguiCatalogues } from './lingui-catalogues.js';
import { inlineFluentTokens } from './inline-fluent-tokens';
import { teamsJsWithoutDebug } from './teams-js-without-debug';

const tabsRoot = fileURLToPath(new URL('.', import.meta.url));

const CLASSIC_ZOD = /[\\/]zod[\\/]v4[\\/](classic|locales)[\\/]/;
const ZOD_CORE = /[\\/]zod[\\/]v4[\\/]core[\\/]/;
const CLASSIC_COPY = '?zod-classic';

/**
 * Gives classic zod (used by the lazily loaded areas' contracts) its own copy of zod's core. The home
 * view's contracts use zod/mini, whose point is that the bundler keeps only the parts of the core they
 * use; but a module's code is emitted once for every chunk, so while classic zod (which uses all of the
 * core) shares the core's modules, the home view would download all of it. core.js stays shared: it holds
 * zod's global config (jitless, locale), and trait-based `instanceof`, so schemas and checks of both
 * copies work together. Only the tab's build does this; the API runs one zod.
 */
function classicZodOwnCore(): Plugin {
  return {
    name: 'line-of-sight:classic-zod-own-core',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !(CLASSIC_ZOD.test(importer) || importer.endsWith(CLASSIC_COPY))) return null;
      const resolved = await this.resolve(source, importer.replace(CLASSIC_COPY, ''), { ...options, skipSelf: true });
      if (!resolved || !ZOD_CORE.test(resolved.id) || /[\\/]core[\\/]core\.js$/.test(resolved.id)) return resolved;
      return { ...resolved, id: `${resolved.id}${CLASSIC_COPY}` };
    },
  };
}

/**
 * The Teams tab. Served under /tab/ (by the local host and by Static Web Apps), so every asset URL
 * carries that base. React and teams-js get chunks of their own: they change far less often than
 * our code, so browsers keep them cached across releases.
 */
export default defineConfig({
  root: tabsRoot,
  base: '/tab/',
  plugins: [
    react(),
    classicZodOwnCore(),
    inlineFluentTokens(),
    teamsJsWithoutDebug(),
    linguiCatalogues(),
    // Our makeStyles compiled to CSS at build time (Griffel's ahead-of-time mode, as Fluent's own packages ship):
    // the home view no longer downloads Griffel's style compiler (stylis, rtl-css-js); 155.7 -> 152.5 KB gzipped.
    griffel({ include: [/[\\/]tabs[\\/]src[\\/].*\.tsx?$/] }),
  ],
  resolve: {
    alias: {
      '@contracts': fileURLToPath(new URL('../api/src/shared/contracts.ts', import.meta.url)),
      // Pulse contracts stay out of the shared contracts chunk, so the home view's download does not grow.
      '@pulse-contracts': fileURLToPath(new URL('../api/src/shared/pulse-contracts.ts', import.meta.url)),
      '@survey-contracts': fileURLToPath(new URL('../api/src/shared/survey-contracts.ts', import.meta.url)),
      '@data-rights-contracts': fileURLToPath(new URL('../api/src/shared/data-rights-contracts.ts', import.meta.url)),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // dist/.vite/manifest.json: the chunk graph, so tests and the bench can measure what each view loads.
    manifest: true,
    // Listing every area's imports for preloading grows the entry chunk (the home view's download) with
    // their file names, most of all for the chart library's many chunks. Only the home view's imports are
    // preloaded; the other areas load their own imports when opened. The modulepreload polyfill is left
    // out: Teams' clients (Edge WebView2, Chromium, Safari 17+) support modulepreload natively.
    modulePreload: {
      polyfill: false,
      resolveDependencies: (filename, deps) => (/(^|\/)(main|LineOfSightPage)-/.test(filename) ? deps : []),
    },
    rolldownOptions: {
      // The tab, and the two small pages of the admin-consent round trip (sign-up), and the two of a person's consent pop-up (Planner, To Do).
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        'consent-start': fileURLToPath(new URL('./consent-start.html', import.meta.url)),
        'consent-complete': fileURLToPath(new URL('./consent-complete.html', import.meta.url)),
        'user-consent-start': fileURLToPath(new URL('./user-consent-start.html', import.meta.url)),
        'consent-end': fileURLToPath(new URL('./consent-end.html', import.meta.url)),
      },
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'teams-js', test: /node_modules[\\/]@microsoft[\\/]teams-js[\\/]/ },
            // The home view's zod/mini (with the copy of zod's core it tree-shakes) apart from classic zod, its own
            // copy of the core and its English messages, which only the lazily loaded areas use.
            { name: 'zod-mini', test: /node_modules[\\/]zod[\\/]v4[\\/](core|mini)[\\/][^?]*$/, priority: 2 },
            { name: 'zod-classic', test: /node_modules[\\/]zod[\\/]v4[\\/](classic|locales)[\\/]|\?zod-classic$/, priority: 1 },
          ],
        },
      },
    },
  },
});
