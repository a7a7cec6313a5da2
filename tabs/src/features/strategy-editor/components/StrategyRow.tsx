import { Badge, Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { ArchiveRegular, ArrowDownRegular, ArrowUpRegular, EditRegular, HistoryRegular, WarningRegular } from '@fluentui/react-icons';
import { PROGRESS_WORDS } from '../../../components/strategy-map-labels';
import { formatList, formatNumber } from '../../../i18n';
import type { EditableStrategy } from '../api/schemas';
import { strategyEditorText } from '../messages';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: tokens.strokeWidthThickest,
    borderLeftColor: tokens.colorBrandStroke1,
  },
  highlighted: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  eyebrow: { display: 'block', color: tokens.colorBrandForeground1 },
  heading: { margin: 0, overflowWrap: 'anywhere' },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  detail: { margin: 0, overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

const MISSING = { why: 'row.missingWhy', customerImpact: 'row.missingCustomers' } as const;
const PROGRESS_COLOURS = { not_started: 'informative', on_track: 'success', at_risk: 'warning', off_track: 'danger' } as const;

interface Props {
  strategy: EditableStrategy;
  position: number;
  total: number;
  busy: boolean;
  highlighted: boolean;
  onEdit(): void;
  onMove(delta: -1 | 1): void;
  onHistory(): void;
  onArchive(): void;
}

/** One active strategy in the editor, with keyboard-friendly reordering and its actions. */
export function StrategyRow({ strategy, position, total, busy, highlighted, onEdit, onMove, onHistory, onArchive }: Props) {
  const styles = useStyles();
  const t = strategyEditorText.useText();
  const headingId = `edit-strategy-${strategy.id}`;
  const missing = strategy.incomplete.map((field) => (field in MISSING ? t(MISSING[field as keyof typeof MISSING]) : field));
  const title = strategy.title;
  return (
    <li className={highlighted ? `${styles.row} ${styles.highlighted}` : styles.row} aria-labelledby={headingId}>
      <div>
        <Caption1 className={styles.eyebrow}>{t('row.position', { position: formatNumber(position) })}</Caption1>
        <Subtitle2 as="h3" id={headingId} className={styles.heading} dir="auto">
          {strategy.title}
        </Subtitle2>
      </div>
      <div className={styles.meta}>
        <Badge appearance="tint" color={PROGRESS_COLOURS[strategy.progress]}>
          {PROGRESS_WORDS[strategy.progress]}
        </Badge>
        <Caption1>{strategy.ownerName ? t('row.owner', { name: strategy.ownerName }) : t('row.noOwner')}</Caption1>
        <Caption1>{t('row.teams', { count: strategy.teamIds.length })}</Caption1>
        {missing.length > 0 && (
          <Badge appearance="filled" color="warning" icon={<WarningRegular />}>
            {t('row.incomplete', { missing: formatList(missing) })}
          </Badge>
        )}
      </div>
      {strategy.measures.length > 0 && (
        <Body1 as="p" className={styles.detail} dir="auto">
          {t('row.measures', { measures: formatList(strategy.measures, 'unit') })}
        </Body1>
      )}
      <div className={styles.actions}>
        <Button size="small" icon={<EditRegular />} aria-label={t('row.editLabel', { title })} onClick={onEdit}>
          {t('row.edit')}
        </Button>
        <Button size="small" icon={<ArrowUpRegular />} aria-label={t('row.upLabel', { title })} disabledFocusable={busy || position === 1} onClick={() => onMove(-1)}>
          {t('row.up')}
        </Button>
        <Button size="small" icon={<ArrowDownRegular />} aria-label={t('row.downLabel', { title })} disabledFocusable={busy || position === total} onClick={() => onMove(1)}>
          {t('row.down')}
        </Button>
        <Button size="small" icon={<HistoryRegular />} aria-label={t('row.historyLabel', { title })} onClick={onHistory}>
          {t('row.history')}
        </Button>
        <Button size="small" icon={<ArchiveRegular />} aria-label={t('row.archiveLabel', { title })} onClick={onArchive}>
          {t('row.archive')}
        </Button>
      </div>
    </li>
  );
}
