import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { formatNumber } from '../../../i18n';
import { insightsText } from '../messages';

/**
 * Bar charts drawn with Fluent tokens, so they follow the light, dark and high-contrast themes.
 * (@fluentui/react-charts was tried first: in headless Chromium, which the browser tests use, its
 * charts stopped the tab's frame from painting at all, so the tab draws these simple bars itself.)
 * The numbers are always in the text next to the bars, so the bars themselves are decoration.
 */
const useStyles = makeStyles({
  track: {
    display: 'flex',
    height: '1.25rem',
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground5,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  linked: { backgroundColor: tokens.colorBrandBackground },
  notLinked: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  legend: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, marginTop: tokens.spacingVerticalXS },
  key: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: { width: '0.75rem', height: '0.75rem', borderRadius: tokens.borderRadiusSmall, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  rows: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  row: { display: 'grid', gap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
  rowLabel: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
});

const share = (part: number, whole: number) => (whole > 0 ? `${(100 * part) / whole}%` : '0%');

/** Share of tasks linked to a strategy, as one stacked bar with a legend. */
export function LinkedShareChart({ linked, total, label }: { linked: number; total: number; label: string }) {
  const styles = useStyles();
  const t = insightsText.useText();
  return (
    <figure style={{ margin: 0 }}>
      <div className={styles.track} role="img" aria-label={t('chartLabel', { label, linked: formatNumber(linked), total: formatNumber(total) })}>
        <div className={styles.linked} style={{ width: share(linked, total) }} />
        <div className={styles.notLinked} style={{ width: share(total - linked, total) }} />
      </div>
      <figcaption className={styles.legend}>
        <Caption1 className={styles.key}>
          <span className={`${styles.swatch} ${styles.linked}`} aria-hidden="true" /> {t('linkedCount', { count: formatNumber(linked) })}
        </Caption1>
        <Caption1 className={styles.key}>
          <span className={`${styles.swatch} ${styles.notLinked}`} aria-hidden="true" /> {t('notLinkedCount', { count: formatNumber(total - linked) })}
        </Caption1>
      </figcaption>
    </figure>
  );
}

/** Tasks per strategy, one bar each, scaled to the busiest strategy. */
export function PerStrategyChart({ rows, label }: { rows: { strategyId: string; title: string; tasks: number }[]; label: string }) {
  const styles = useStyles();
  const t = insightsText.useText();
  const most = Math.max(1, ...rows.map((row) => row.tasks));
  return (
    <ul className={styles.rows} aria-label={label}>
      {rows.map((row) => (
        <li key={row.strategyId} className={styles.row}>
          <Caption1 className={styles.rowLabel}>
            <span dir="auto">{row.title}</span>
            <span>{t('taskCount', { count: row.tasks })}</span>
          </Caption1>
          <div className={styles.track} aria-hidden="true">
            <div className={styles.linked} style={{ width: share(row.tasks, most) }} />
          </div>
        </li>
      ))}
    </ul>
  );
}
