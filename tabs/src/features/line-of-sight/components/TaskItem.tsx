import type { Task } from '@contracts';
import { Body1, Button, Caption1, Text, makeStyles, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { ArrowUndoRegular, CheckmarkRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
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
  },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flex: '1 1 14rem', minWidth: 0 },
  title: { overflowWrap: 'anywhere' },
  serves: { margin: 0, overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
  servesLabel: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  missing: { margin: 0, fontStyle: 'italic', color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, flexShrink: 0 },
  note: { margin: 0, fontWeight: tokens.fontWeightSemibold, color: tokens.colorStatusWarningForeground3 },
});

interface Props {
  task: Task;
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
export function TaskItem({ task, onEdit, onRemove, onIntent, note, onToggleDone, onUnlinkSource }: Props) {
  const styles = useStyles();
  const restoreFocusHere = useRestoreFocusTarget();
  return (
    <li className={styles.item}>
      <div className={styles.text}>
        <Text weight="semibold" className={styles.title}>
          {task.title}
        </Text>
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
