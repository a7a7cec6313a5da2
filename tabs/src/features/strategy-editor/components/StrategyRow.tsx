import { Badge, Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { ArchiveRegular, ArrowDownRegular, ArrowUpRegular, EditRegular, HistoryRegular, WarningRegular } from '@fluentui/react-icons';
import { countOf, PROGRESS_WORDS } from '../../../components/strategy-map-labels';
import type { EditableStrategy } from '../api/schemas';

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

const MISSING: Record<string, string> = { why: 'why it is a focus now', customerImpact: 'how it serves customers' };
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
  const headingId = `edit-strategy-${strategy.id}`;
  const missing = strategy.incomplete.map((field) => MISSING[field] ?? field);
  return (
    <li className={highlighted ? `${styles.row} ${styles.highlighted}` : styles.row} aria-labelledby={headingId}>
      <div>
        <Caption1 className={styles.eyebrow}>Strategy {position}</Caption1>
        <Subtitle2 as="h3" id={headingId} className={styles.heading}>
          {strategy.title}
        </Subtitle2>
      </div>
      <div className={styles.meta}>
        <Badge appearance="tint" color={PROGRESS_COLOURS[strategy.progress]}>
          {PROGRESS_WORDS[strategy.progress]}
        </Badge>
        <Caption1>Owner: {strategy.ownerName ?? 'nobody yet'}</Caption1>
        <Caption1>
          {strategy.teamIds.length === 0
            ? 'No team serves it yet'
            : `${countOf(strategy.teamIds.length, 'team serves', 'teams serve')} it`}
        </Caption1>
        {missing.length > 0 && (
          <Badge appearance="filled" color="warning" icon={<WarningRegular />}>
            Incomplete: missing {missing.join(' and ')}
          </Badge>
        )}
      </div>
      {strategy.measures.length > 0 && (
        <Body1 as="p" className={styles.detail}>
          Measures of success: {strategy.measures.join('; ')}
        </Body1>
      )}
      <div className={styles.actions}>
        <Button size="small" icon={<EditRegular />} aria-label={`Edit ${strategy.title}`} onClick={onEdit}>
          Edit
        </Button>
        <Button size="small" icon={<ArrowUpRegular />} aria-label={`Move ${strategy.title} up`} disabledFocusable={busy || position === 1} onClick={() => onMove(-1)}>
          Up
        </Button>
        <Button size="small" icon={<ArrowDownRegular />} aria-label={`Move ${strategy.title} down`} disabledFocusable={busy || position === total} onClick={() => onMove(1)}>
          Down
        </Button>
        <Button size="small" icon={<HistoryRegular />} aria-label={`History of ${strategy.title}`} onClick={onHistory}>
          History
        </Button>
        <Button size="small" icon={<ArchiveRegular />} aria-label={`Archive ${strategy.title}`} onClick={onArchive}>
          Archive
        </Button>
      </div>
    </li>
  );
}
