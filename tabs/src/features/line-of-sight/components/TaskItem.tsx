import type { Task } from '@contracts';
import { Body1, Button, Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowUndoRegular, CheckmarkRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useRestoreFocusTarget } from '../../../components/restore-focus';
import { usePillStyles } from './status-styles';
import { TaskSourceLine } from './TaskSourceLine';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    scrollMarginBlock: tokens.spacingVerticalXXL,
    ':focus': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: tokens.strokeWidthThin },
  },
  // The task just added or saved: a brand tint that fades, and a lasting brand border.
  highlighted: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    animationName: { from: { backgroundColor: tokens.colorBrandBackground2 }, to: { backgroundColor: tokens.colorNeutralBackground1 } },
    animationDuration: '3s',
    animationTimingFunction: tokens.curveDecelerateMid,
    '@media (prefers-reduced-motion: reduce)': { animationName: 'none', backgroundColor: tokens.colorBrandBackground2 },
  },
  status: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  overdue: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorStatusDangerForeground1 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flex: '1 1 14rem', minWidth: 0 },
  title: { overflowWrap: 'anywhere' },
  serves: { margin: 0, overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
  servesLabel: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  missing: { margin: 0, fontStyle: 'italic', color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, flexShrink: 0 },
  note: { margin: 0, fontWeight: tokens.fontWeightSemibold, color: tokens.colorStatusWarningForeground3 },
});

/** yyyy-mm-dd as a short local date, e.g. "5 Dec 2026" (read as a calendar day, not an instant). */
function dueText(dueDate: string): string {
  return new Date(`${dueDate}T00:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** Today as yyyy-mm-dd in the person's own time zone. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

interface Props {
  task: Task;
  /** Just added or saved: highlighted, and the page scrolls to it and focuses it. */
  highlighted?: boolean;
  onEdit(task: Task): void;
  onRemove(task: Task): void;
  /** Starts fetching the dialogs' code when the person shows intent (hover or focus). */
  onIntent(): void;
  /** Why this task needs attention, e.g. its strategy was archived. */
  note?: string;
  /** Marks it done (or not done again); an imported task with write-back on follows at its source. */
  onToggleDone?(task: Task): void;
  /** Detaches an imported task from its source (e.g. after it was removed there); it stays as a plain task. */
  onUnlinkSource?(task: Task): void;
}

/** One of my tasks, with the sentence that says how it serves its strategy. */
export function TaskItem({ task, highlighted = false, onEdit, onRemove, onIntent, note, onToggleDone, onUnlinkSource }: Props) {
  const styles = useStyles();
  const pills = usePillStyles();
  const restoreFocusHere = useRestoreFocusTarget();
  const overdue = !task.completed && !!task.dueDate && task.dueDate < today();
  return (
    // Focusable from script only (tabIndex -1): the page moves focus here after an add or an edit.
    <li id={`task-${task.id}`} tabIndex={-1} data-highlighted={highlighted || undefined} className={mergeClasses(styles.item, highlighted && styles.highlighted)}>
      <div className={styles.text}>
        <Text weight="semibold" className={styles.title}>
          {task.title}
        </Text>
        <Caption1 as="p" className={styles.status}>
          <span className={mergeClasses(pills.pill, task.completed && pills.good)}>{task.completed ? 'Done' : 'Open'}</span>
          {task.dueDate && (
            <span className={overdue ? styles.overdue : undefined}>
              Due <time dateTime={task.dueDate}>{dueText(task.dueDate)}</time>
              {overdue ? ' · overdue' : ''}
            </span>
          )}
        </Caption1>
        <TaskSourceLine task={task} {...(onUnlinkSource ? { onUnlinkSource } : {})} />
        {note && (
          <Caption1 as="p" className={styles.note}>
            {note}
          </Caption1>
        )}
        {task.howItServes ? (
          <Body1 as="p" className={styles.serves}>
            <span className={styles.servesLabel}>How this serves: </span>
            {task.howItServes}
          </Body1>
        ) : (
          <Caption1 as="p" className={styles.missing}>
            No “how this serves” sentence yet.
          </Caption1>
        )}
      </div>
      <div className={styles.actions} onPointerEnter={onIntent} onFocus={onIntent}>
        {onToggleDone && (
          <Button size="small" appearance="subtle" icon={task.completed ? <ArrowUndoRegular /> : <CheckmarkRegular />} aria-label={`${task.completed ? 'Reopen' : 'Mark done'} ${task.title}`} onClick={() => onToggleDone(task)}>
            {task.completed ? 'Reopen' : 'Done'}
          </Button>
        )}
        <Button {...restoreFocusHere} size="small" appearance="subtle" icon={<EditRegular />} aria-label={`Edit ${task.title}`} onClick={() => onEdit(task)}>
          Edit
        </Button>
        <Button {...restoreFocusHere} size="small" appearance="subtle" icon={<DeleteRegular />} aria-label={`Remove ${task.title}`} onClick={() => onRemove(task)}>
          Remove
        </Button>
      </div>
    </li>
  );
}
