import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Dashboard } from '../../../../../api/src/shared/onboarding-cohort-contracts';
import { adminText } from '../messages';

/**
 * The completion funnel as bars drawn with Fluent tokens, so they follow every theme (as the Insights
 * area does: @fluentui/react-charts blanks the tab in headless Chromium). The numbers are in the text;
 * the bars are decoration.
 */
const useStyles = makeStyles({
  rows: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  row: { display: 'grid', gap: tokens.spacingVerticalXXS },
  label: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  track: {
    height: '1rem',
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground5,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  bar: { height: '100%', backgroundColor: tokens.colorBrandBackground },
  late: { height: '100%', backgroundColor: tokens.colorPaletteRedBackground3 },
});

/** The funnel's steps, in order; each is named by `funnel.<step>` in the area's messages. */
export const FUNNEL = ['assigned', 'notified', 'opened', 'started', 'completed', 'overdue'] as const;

export function CompletionChart({ dashboard }: { dashboard: Dashboard }) {
  const t = adminText.useText();
  const styles = useStyles();
  const whole = Math.max(1, dashboard.assigned);
  return (
    <ul className={styles.rows} aria-label={t('chart.label', { module: dashboard.moduleTitle, cohort: dashboard.cohortName })}>
      {FUNNEL.map((key) => (
        <li key={key} className={styles.row}>
          <Caption1 className={styles.label}>
            <span>{t(`funnel.${key}`)}</span>
            <span>{t('chart.of', { count: dashboard[key], total: dashboard.assigned })}</span>
          </Caption1>
          <div className={styles.track} aria-hidden="true">
            <div className={key === 'overdue' ? styles.late : styles.bar} style={{ width: `${(100 * dashboard[key]) / whole}%` }} />
          </div>
        </li>
      ))}
    </ul>
  );
}
