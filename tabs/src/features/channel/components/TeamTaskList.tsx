import type { TeamTask } from '@contracts';
import { Body1, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { channelText } from '../messages';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  item: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: 'anywhere',
  },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/**
 * The team's tasks with their owners and how each serves; `hidden` more are teammates' tasks the
 * viewer may not see (only the team's Leader and Admins do), shown as a count.
 */
export function TeamTaskList({ tasks, label, empty, hidden = 0 }: { tasks: TeamTask[]; label: string; empty: string; hidden?: number }) {
  const styles = useStyles();
  const t = channelText.useText();
  const others = hidden > 0 && (
    <Body1 as="p" className={styles.muted}>
      {t(tasks.length > 0 ? 'andTeammatesTasks' : 'teammatesTasks', { count: hidden })}
    </Body1>
  );
  if (tasks.length === 0) return others || (empty ? <Body1 as="p" className={styles.muted}>{empty}</Body1> : null);
  return (
    <>
      <ul className={styles.list} aria-label={label}>
        {tasks.map((task) => (
          <li key={task.id} className={styles.item}>
            <Text weight="semibold" dir="auto">{task.title}</Text>
            <Caption1 className={styles.muted}>
              {t('taskMeta', { owner: task.ownerName, source: task.source ?? 'none', done: task.completed ? 'yes' : 'no' })}
            </Caption1>
            {task.howItServes && <Body1 className={styles.muted} dir="auto">{t('howItServes', { how: task.howItServes })}</Body1>}
          </li>
        ))}
      </ul>
      {others}
    </>
  );
}
