import type { Task } from '@contracts';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Button } from '../../../components/light-button';
import { Body1, Caption1, Text } from '../../../components/light-text';
import { ArrowUndoRegular, CheckmarkRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useRestoreFocusTarget } from '../../../components/restore-focus';
import { formatDay } from '../../../i18n';
import { homeText } from '../messages';
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

/** yyyy-mm-dd as a short date in the person's locale, e.g. "5 Dec 2026", "5. Dez. 2026" (a calendar day, not an instant). */
const dueText = (dueDate: string) => formatDay(`${dueDate}T00:00:00Z`, { day: 'numeric', month: 'short', year: 'numeric' });

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
  const t = homeText.useText();
  const styles = useStyles();
  const pills = usePillStyles();
  const restoreFocusHere = useRestoreFocusTarget();
  const overdue = !task.completed && !!task.dueDate && task.dueDate < today();
  return (
    // Focusable from script only (tabIndex -1): the page moves focus here after an add or an edit.
    <li id={`task-${task.id}`} tabIndex={-1} data-highlighted={highlighted || undefined} className={mergeClasses(styles.item, highlighted && styles.highlighted)}>
      <div className={styles.text}>
        <Text weight="semibold" dir="auto" className={styles.title}>
          {task.title}
        </Text>
        <Caption1 as="p" className={styles.status}>
          <span className={mergeClasses(pills.pill, task.completed && pills.good)}>{task.completed ? t('task.done') : t('task.open')}</span>
          {task.dueDate && (
            <span className={overdue ? styles.overdue : undefined}>
              {/* The whole phrase in <time>: its datetime is the day; no rich-text code in the home view's download. */}
              <time dateTime={task.dueDate}>{t(overdue ? 'task.dueOverdue' : 'task.due', { date: dueText(task.dueDate) })}</time>
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
            <span className={styles.servesLabel}>{t('task.howLabel')}</span>
            <span dir="auto">{task.howItServes}</span>
          </Body1>
        ) : (
          <Caption1 as="p" className={styles.missing}>
            {t('task.noHow')}
          </Caption1>
        )}
      </div>
      <div className={styles.actions} onPointerEnter={onIntent} onFocus={onIntent}>
        {onToggleDone && (
          <Button size="small" appearance="subtle" icon={task.completed ? <ArrowUndoRegular /> : <CheckmarkRegular />} aria-label={task.completed ? t('task.reopenLabel', { title: task.title }) : t('task.markDoneLabel', { title: task.title })} onClick={() => onToggleDone(task)}>
            {task.completed ? t('task.reopen') : t('task.done')}
          </Button>
        )}
        <Button {...restoreFocusHere} size="small" appearance="subtle" icon={<EditRegular />} aria-label={t('task.editLabel', { title: task.title })} onClick={() => onEdit(task)}>
          {t('task.edit')}
        </Button>
        <Button {...restoreFocusHere} size="small" appearance="subtle" icon={<DeleteRegular />} aria-label={t('task.removeLabel', { title: task.title })} onClick={() => onRemove(task)}>
          {t('task.remove')}
        </Button>
      </div>
    </li>
  );
}
