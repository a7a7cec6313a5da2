import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AREA_MODULES, homeViewLoad, viewLoad } from './bundle-budget';

const dist = fileURLToPath(new URL('../../tabs/dist', import.meta.url));

describe('the lazily loaded areas', () => {
  it('are chunks of their own, none of them part of the home view download', () => {
    expect(existsSync(`${dist}/.vite/manifest.json`), 'tabs/dist is not built: run `npm run build -w tabs`').toBe(true);
    const home = homeViewLoad(dist).files.map((f) => f.file).join(' ');
    for (const name of ['StrategyEditorPage-', 'TeamsPage-', 'InsightsPage-', 'ImportExportPanel-', 'ChannelPage-', 'ChannelConfigPage-', 'OnboardingPage-', 'OnboardingAdminPage-', 'MomentsPage-', 'AlignmentPage-', 'CoachingPage-', 'MomentCard-', 'PulsesPage-', 'PulseResultsView-', 'TeamComparisonPage-']) {
      expect(home).not.toContain(name);
    }
  });

  it('download only their own area, never another one', () => {
    const chunks = {
      strategy: 'StrategyEditorPage-',
      teams: 'TeamsPage-',
      insights: 'InsightsPage-',
      onboarding: 'OnboardingPage-',
      onboardingAdmin: 'OnboardingAdminPage-',
      moments: 'MomentsPage-',
      alignment: 'AlignmentPage-',
      coaching: 'CoachingPage-',
      pulses: 'PulsesPage-',
      compare: 'TeamComparisonPage-',
    } as const;
    for (const [area, own] of Object.entries(chunks) as [keyof typeof chunks, string][]) {
      const files = viewLoad(dist, ['index.html', AREA_MODULES[area]]).files.map((f) => f.file).join(' ');
      expect(files).toContain(own);
      for (const other of Object.values(chunks).filter((name) => name !== own)) expect(files).not.toContain(other);
    }
  });
});
