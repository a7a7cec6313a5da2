import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { linguiCatalogues } from './lingui-catalogues.js';

/**
 * The local Teams host page: plain DOM + TypeScript, served at / by the local API host,
 * on the same origin as the tab it frames at /tab/.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./dev-host', import.meta.url)),
  // The host page reuses the tab's api client, which reaches the tab's message catalogues.
  plugins: [linguiCatalogues()],
  base: '/',
  resolve: {
    alias: {
      '@contracts': fileURLToPath(new URL('../api/src/shared/contracts.ts', import.meta.url)),
      // Pulse contracts stay out of the shared contracts chunk, so the home view's download does not grow.
      '@pulse-contracts': fileURLToPath(new URL('../api/src/shared/pulse-contracts.ts', import.meta.url)),
      '@survey-contracts': fileURLToPath(new URL('../api/src/shared/survey-contracts.ts', import.meta.url)),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist-devhost', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
});
