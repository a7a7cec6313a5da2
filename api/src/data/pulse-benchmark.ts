/**
 * Industry benchmark contributions. A tenant that opts in contributes one figure (its latest closed
 * pulse's organisation-wide share agreeing, when that organisation met its threshold) to a shared
 * partition of its industry (`benchmark:<industry>`), under a random id kept in its own settings: the
 * contribution names no company and carries nothing that points back to one. Opting out (or changing
 * industry) deletes it, so it stops counting in every later figure.
 */
import { randomUUID } from 'node:crypto';
import type { Container, Resource } from '@azure/cosmos';
import { statementFigures } from '../domain/pulse/aggregation.js';
import { suppressGroups } from '../domain/pulse/anonymity.js';
import type { PulseDocument, PulseSettingsDocument } from './pulse-documents.js';

export interface BenchmarkContributionDocument {
  id: string;
  /** The industry's shared partition, never a tenant id. */
  tenantId: `benchmark:${string}`;
  type: 'benchmarkContribution';
  agreeShare: number;
}

export const benchmarkPartition = (industry: string) => `benchmark:${industry}` as const;

/** The figure a closed pulse contributes: organisation-wide mean share agreeing, rounded to 1 point; null below its threshold. */
export function contributionOf(pulse: PulseDocument | undefined): number | null {
  const tallies = pulse?.summary?.tallies;
  if (!pulse || !tallies) return null;
  if (!suppressGroups({ threshold: pulse.threshold, organisation: tallies.organisation.respondents, teams: [] }).organisationShown) return null;
  const shares = pulse.statements.map((_, index) => statementFigures(tallies.organisation, index).agreeShare);
  return Math.round((100 * shares.reduce((a, b) => a + b, 0)) / shares.length) / 100;
}

export interface BenchmarkStore {
  /** Every contribution of the industry but `excludeId` (the caller's own). */
  others(industry: string, excludeId: string | undefined): Promise<number[]>;
  /** Writes (or removes, when `figure` is null or the tenant opted out) the tenant's contribution; answers the settings to keep. */
  sync(settings: PulseSettingsDocument, latestClosed: PulseDocument | undefined, previous: PulseSettingsDocument | undefined): Promise<PulseSettingsDocument>;
}

export function createBenchmarkStore(container: Container): BenchmarkStore {
  async function remove(industry: string | undefined, id: string | undefined) {
    if (!industry || !id) return;
    await container.item(id, benchmarkPartition(industry)).delete().catch((error: { code?: number }) => {
      if (error.code !== 404) throw error;
    });
  }
  return {
    async others(industry, excludeId) {
      const partition = benchmarkPartition(industry);
      const { resources } = await container.items
        .query<{ id: string; agreeShare: number }>(
          { query: "SELECT c.id, c.agreeShare FROM c WHERE c.tenantId = @partition AND c.type = 'benchmarkContribution'", parameters: [{ name: '@partition', value: partition }] },
          { partitionKey: partition },
        )
        .fetchAll();
      return resources.filter((entry) => entry.id !== excludeId).map((entry) => entry.agreeShare);
    },
    async sync(settings, latestClosed, previous) {
      const figure = contributionOf(latestClosed);
      const id = settings.benchmarkContributionId ?? previous?.benchmarkContributionId ?? `bc-${randomUUID()}`;
      if (previous?.industry && previous.industry !== settings.industry) await remove(previous.industry, previous.benchmarkContributionId);
      if (!settings.benchmarkOptIn || !settings.industry || figure === null) {
        await remove(settings.industry, id);
        return settings;
      }
      const document: BenchmarkContributionDocument = { id, tenantId: benchmarkPartition(settings.industry), type: 'benchmarkContribution', agreeShare: figure };
      await container.items.upsert<BenchmarkContributionDocument & Partial<Resource>>(document);
      return { ...settings, benchmarkContributionId: id };
    },
  };
}
