import { formatNumber, formatPercent } from '../../i18n';
import { pulsesText } from './messages';

/** The agreement scale's five answers, 1 strongly disagree … 5 strongly agree, in the reader's language. */
export const agreementScale = (): string[] => [1, 2, 3, 4, 5].map((point) => pulsesText.text(`scale.${point}` as 'scale.1'));

/** The starter statements a leader edits before opening a pulse, in the leader's language. */
export const starterStatements = (): string[] => [1, 2, 3, 4, 5].map((number) => pulsesText.text(`starter.${number}` as 'starter.1'));

/** A share (0.42) as a percentage, or "Hidden" when the group is too small to show. */
export const shareText = (share: number | null, hidden: 'results.hidden' | 'surveys.tooFew' = 'results.hidden') =>
  share === null ? pulsesText.text(hidden) : formatPercent(share);

/** How many of those asked answered, or "Hidden" when the answer count is withheld. */
export const responseRateText = (respondents: number | null, invited: number) =>
  respondents === null || invited === 0 ? pulsesText.text('results.hidden') : formatPercent(respondents / invited);

/** A mean on the 1–5 scale, one decimal, or "Hidden (too few answers)". */
export const meanText = (mean: number | null) => (mean === null ? pulsesText.text('surveys.tooFew') : formatNumber(mean, { maximumFractionDigits: 1 }));
