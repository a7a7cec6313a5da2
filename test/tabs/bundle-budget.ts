/**
 * What the tab's home view downloads, from Vite's build manifest (tabs/dist/.vite/manifest.json):
 * the entry chunk and everything it imports statically, plus the lazily loaded home-view chunk
 * and its static imports. Lazy dialogs and the "not in Teams" page are left out: the home view
 * doesn't load them. Used by the budget test and available to the benchmark.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export const HOME_VIEW_MODULE = 'src/features/line-of-sight/components/LineOfSightPage.tsx';

export interface LoadSize {
  files: { file: string; gzipBytes: number }[];
  jsGzipBytes: number;
  cssGzipBytes: number;
  totalGzipKb: number;
}

/** The tab's areas beyond the home view, each a lazily loaded chunk of its own. */
export const AREA_MODULES = {
  strategy: 'src/features/strategy-editor/components/StrategyEditorPage.tsx',
  teams: 'src/features/teams/components/TeamsPage.tsx',
  insights: 'src/features/insights/components/InsightsPage.tsx',
  importExport: 'src/features/import-export/components/ImportExportPanel.tsx',
  channel: 'src/features/channel/components/ChannelPage.tsx',
  channelConfig: 'src/features/channel/components/ChannelConfigPage.tsx',
  onboarding: 'src/features/onboarding/components/OnboardingPage.tsx',
  onboardingAdmin: 'src/features/onboarding-admin/components/OnboardingAdminPage.tsx',
  moments: 'src/features/moments/components/MomentsPage.tsx',
  alignment: 'src/features/alignment/components/AlignmentPage.tsx',
  coaching: 'src/features/coaching/components/CoachingPage.tsx',
  pulses: 'src/features/pulses/components/PulsesPage.tsx',
  compare: 'src/features/team-comparison/components/TeamComparisonPage.tsx',
} as const;

export function homeViewLoad(distDir: string): LoadSize {
  return viewLoad(distDir, ['index.html', HOME_VIEW_MODULE]);
}

/** What opening `modules` (manifest keys) downloads: each chunk, its CSS and its static imports, transitively. */
export function viewLoad(distDir: string, modules: readonly string[]): LoadSize {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The build manifest has no chunk "${key}"`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    chunk.css?.forEach((css) => files.add(css));
    chunk.imports?.forEach(visit);
  };
  modules.forEach(visit);
  const sized = [...files].map((file) => ({ file, gzipBytes: gzipSync(readFileSync(join(distDir, file)), { level: 9 }).byteLength }));
  const sum = (predicate: (file: string) => boolean) =>
    sized.filter((f) => predicate(f.file)).reduce((total, f) => total + f.gzipBytes, 0);
  const jsGzipBytes = sum((file) => file.endsWith('.js'));
  const cssGzipBytes = sum((file) => file.endsWith('.css'));
  return { files: sized, jsGzipBytes, cssGzipBytes, totalGzipKb: (jsGzipBytes + cssGzipBytes) / 1024 };
}
