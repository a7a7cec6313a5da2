/**
 * The latest closed pulse's figures per group, exactly as its results show them: the threshold and
 * the no-differencing rule apply to the whole pulse first, so a view that shows one team's figure
 * (the teams comparison, a leader's coaching view) can never show more than the results do.
 */
import type { PulseDocument } from '../../data/pulse-documents.js';
import { resultGroups } from './aggregation.js';

export interface ShownPulseFigure {
  /** Respondents, or null when the group is suppressed. */
  respondents: number | null;
  /** Mean share agreeing over the statements (0–1), or null when suppressed. */
  agreeShare: number | null;
}

const mean = (values: readonly (number | null)[]) => (values.some((value) => value === null) || values.length === 0 ? null : (values as number[]).reduce((a, b) => a + b, 0) / values.length);

/** Group id ('organisation' or a team id) → its shown figure; empty when there is no summarised pulse. */
export function shownPulseFigures(latest: Pick<PulseDocument, 'threshold' | 'statements' | 'invited' | 'summary'> | undefined): Map<string, ShownPulseFigure> {
  if (!latest?.summary) return new Map();
  const groups = resultGroups({
    threshold: latest.threshold,
    statementIds: latest.statements.map((statement) => statement.id),
    tallies: latest.summary.tallies,
    invited: latest.invited,
    teamNames: new Map(),
    organisationName: '',
    answersShown: true,
    organisationOnly: false,
  });
  return new Map(groups.map((group) => [group.id, { respondents: group.respondents, agreeShare: mean(group.statements.map((statement) => statement.agreeShare)) }]));
}
