import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { linguiCatalogues } from '../tabs/lingui-catalogues.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  plugins: [linguiCatalogues()],
  resolve: {
    alias: {
      '@contracts': fileURLToPath(new URL('../api/src/shared/contracts.ts', import.meta.url)),
      // Pulse contracts stay out of the shared contracts chunk, so the home view's download does not grow.
      '@pulse-contracts': fileURLToPath(new URL('../api/src/shared/pulse-contracts.ts', import.meta.url)),
      '@survey-contracts': fileURLToPath(new URL('../api/src/shared/survey-contracts.ts', import.meta.url)),
      '@data-rights-contracts': fileURLToPath(new URL('../api/src/shared/data-rights-contracts.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    environment: 'node',
    setupFiles: ['test/support/validation-english.ts'],
    // Real servers and a real browser start in these tests; give them room on a busy 2-core machine
    // (a browser journey of many steps took up to 30 s while other suites loaded it). A passing run
    // is never slower for it: these are ceilings, not waits.
    testTimeout: 90_000,
    // UI assertions poll until the page settles; a loaded machine gets the same answer, later.
    expect: { poll: { timeout: 20_000 } },
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
