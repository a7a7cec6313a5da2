import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { homeViewLoad } from './bundle-budget';

const dist = fileURLToPath(new URL('../../tabs/dist', import.meta.url));

describe('the home view download', () => {
  it('stays within 200 KB of gzipped JS and CSS, without the lazy dialogs', () => {
    // `npm test` builds first; running this file alone needs `npm run build -w tabs`.
    expect(existsSync(`${dist}/.vite/manifest.json`), 'tabs/dist is not built: run `npm run build -w tabs`').toBe(true);
    const load = homeViewLoad(dist);
    expect(load.files.map((f) => f.file).join(' ')).toMatch(/LineOfSightPage-/);
    expect(load.files.map((f) => f.file).join(' ')).not.toMatch(/TaskDialog-|RemoveTaskDialog-|OutsideTeamsPage-/);
    expect(load.totalGzipKb).toBeLessThanOrEqual(200);
  });
});
