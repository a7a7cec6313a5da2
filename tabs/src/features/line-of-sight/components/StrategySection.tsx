import type { LineOfSight, Task } from '@contracts';
import { Body1, Body1Strong, Caption1, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowTurnDownRightRegular } from '@fluentui/react-icons';
import { TaskItem } from './TaskItem';

type StrategyWithTasks = LineOfSight['strategies'][number];

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    // Griffel flips left/right for right-to-left languages.
    borderLeftWidth: tokens.strokeWidthThickest,
    borderLeftStyle: 'solid',
    borderLeftColor: tokens.colorBrandStroke1,
  },
  eyebrow: { display: 'block', color: tokens.colorBrandForeground1 },
  heading: { margin: 0, overflowWrap: 'anywhere' },
  reasons: {
    display: 'grid',
    gap: tokens.spacingHorizontalM,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 15rem), 1fr))',
    margin: 0,
  },
  detail: { margin: 0, overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
  myWork: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} dotted ${tokens.colorNeutralStroke1}`,
  },
  myWorkLabel: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, margin: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  none: { margin: 0, color: tokens.colorNeutralForeground3 },
});

interface Props {
  strategy: StrategyWithTasks;
  position: number;
  onEdit(task: Task): void;
  onRemove(task: Task): void;
  onIntent(): void;
  onToggleDone?(task: Task): void;
  onUnlinkSource?(task: Task): void;
}

/** One strategy: why it matters, how it serves customers, and the tasks of mine that move it forward. */
export function StrategySection({ strategy, position, onEdit, onRemove, onIntent, ...taskActions }: Props) {
  const styles = useStyles();
  const headingId = `strategy-${strategy.id}`;
  const listLabel = `My tasks for ${strategy.title}`;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <div>
        <Caption1 className={styles.eyebrow}>Strategy {position}</Caption1>
        <Subtitle1 as="h3" id={headingId} className={styles.heading}>
          {strategy.title}
        </Subtitle1>
      </div>
      <dl className={styles.reasons}>
        <div>
          <dt>
            <Body1Strong>Why it's a focus</Body1Strong>
          </dt>
          <dd className={styles.detail}>
            <Body1>{strategy.why}</Body1>
          </dd>
        </div>
        <div>
          <dt>
            <Body1Strong>How it serves customers</Body1Strong>
          </dt>
          <dd className={styles.detail}>
            <Body1>{strategy.customerImpact}</Body1>
          </dd>
        </div>
      </dl>
      <div className={styles.myWork}>
        <Body1 as="p" className={styles.myWorkLabel}>
          <ArrowTurnDownRightRegular aria-hidden="true" />
          <strong>My tasks</strong>
        </Body1>
        {strategy.myTasks.length > 0 ? (
          <ul className={styles.list} aria-label={listLabel}>
            {strategy.myTasks.map((task) => (
              <TaskItem key={task.id} task={task} onEdit={onEdit} onRemove={onRemove} onIntent={onIntent} {...taskActions} />
            ))}
          </ul>
        ) : (
          <Body1 as="p" className={styles.none}>
            None of your tasks serve this strategy yet.
          </Body1>
        )}
      </div>
    </section>
  );
}
