import type { LineOfSight, Task } from '@contracts';
import { makeStyles, tokens } from '@fluentui/react-components';
import { Body1, Subtitle1 } from '../../../components/light-text';
import { LinkRegular } from '@fluentui/react-icons';
import { homeText } from '../messages';
import { TaskItem } from './TaskItem';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
  },
  heading: { margin: 0 },
  nudge: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-start',
    margin: 0,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorStatusWarningBackground1,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusWarningBorder1}`,
  },
  icon: { flexShrink: 0, marginBlockStart: '2px', fontSize: tokens.fontSizeBase400 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
});

interface Props {
  tasks: LineOfSight['unlinkedTasks'];
  highlightedTaskId?: string | null;
  onEdit(task: Task): void;
  onRemove(task: Task): void;
  onIntent(): void;
  onToggleDone?(task: Task): void;
  onUnlinkSource?(task: Task): void;
}

/** Tasks that serve no strategy yet, kept apart with a nudge to link them. */
export function UnlinkedTasks({ tasks, highlightedTaskId, onEdit, onRemove, onIntent, ...taskActions }: Props) {
  const t = homeText.useText();
  const styles = useStyles();
  if (tasks.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="unlinked-heading">
      <Subtitle1 as="h3" id="unlinked-heading" className={styles.heading}>
        {t('unlinked.heading')}
      </Subtitle1>
      <Body1 as="p" className={styles.nudge}>
        <LinkRegular className={styles.icon} aria-hidden="true" />
        <span>{t('unlinked.nudge', { count: tasks.length })}</span>
      </Body1>
      <ul className={styles.list} aria-label={t('unlinked.list')}>
        {tasks.map((task) => (
          <TaskItem
            key={task.id}
            task={task}
            highlighted={task.id === highlightedTaskId}
            onEdit={onEdit}
            onRemove={onRemove}
            onIntent={onIntent}
            {...taskActions}
            note={task.reason === 'strategy_archived' ? t('unlinked.archived') : undefined}
          />
        ))}
      </ul>
    </section>
  );
}
