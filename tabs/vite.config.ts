import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const tabsRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The Teams tab. Served under /tab/ (by the local host and by Static Web Apps), so every asset URL
 * carries that base. React and teams-js get chunks of their own: they change far less often than
 * our code, so browsers keep them cached across releases.
 */
export default defineConfig({
  root: tabsRoot,
  base: '/tab/',
  plugins: [react()],
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
      resolveDependencies: (filename, deps) => (/(^|\/)LineOfSightPage-/.test(filename) ? deps : []),
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
          ],
        },
      },
    },
  },
});
