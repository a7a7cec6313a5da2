import type { HomeStrategy, StrategyProgress, Task } from '@contracts';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Body1, Caption1, Subtitle1 } from '../../../components/light-text';
import { homeText } from '../messages';
import { usePillStyles } from './status-styles';
import { TaskItem } from './TaskItem';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    // Griffel flips left/right for right-to-left languages.
    borderLeftWidth: tokens.strokeWidthThickest,
    borderLeftStyle: 'solid',
    borderLeftColor: tokens.colorBrandStroke1,
  },
  heading: { margin: 0, overflowWrap: 'anywhere' },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, margin: 0, color: tokens.colorNeutralForeground2 },
  measures: { margin: 0, overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  none: { margin: 0, color: tokens.colorNeutralForeground3 },
  why: { color: tokens.colorNeutralForeground2 },
  summary: { cursor: 'pointer', width: 'fit-content', color: tokens.colorBrandForegroundLink, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  reasons: { display: 'grid', gap: tokens.spacingHorizontalM, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 15rem), 1fr))', margin: `${tokens.spacingVerticalXS} 0 0` },
  detail: { margin: 0, overflowWrap: 'anywhere' },
});

const TONE: Record<StrategyProgress, 'good' | 'warning' | 'danger' | null> = {
  not_started: null,
  on_track: 'good',
  at_risk: 'warning',
  off_track: 'danger',
};

interface Props {
  strategy: HomeStrategy;
  /** The task just added or saved: scrolled to and highlighted. */
  highlightedTaskId?: string | null;
  onEdit(task: Task): void;
  onRemove(task: Task): void;
  onIntent(): void;
  onToggleDone?(task: Task): void;
  onUnlinkSource?(task: Task): void;
}

/** One strategy: where it stands, who owns it, my tasks that move it forward; why it matters one click away. */
export function StrategySection({ strategy, highlightedTaskId, onEdit, onRemove, onIntent, ...taskActions }: Props) {
  const t = homeText.useText();
  const styles = useStyles();
  const pills = usePillStyles();
  const headingId = `strategy-${strategy.id}`;
  const tone = TONE[strategy.progress];
  const done = strategy.myTasks.filter((task) => task.completed).length;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h3" id={headingId} dir="auto" className={styles.heading}>
        {strategy.title}
      </Subtitle1>
      <Caption1 as="p" className={styles.meta}>
        <span className={mergeClasses(pills.pill, tone ? pills[tone] : undefined)}>{t('progress', { progress: strategy.progress })}</span>
        <span>{strategy.ownerName ? t('owner', { name: strategy.ownerName }) : t('ownerUnnamed')}</span>
        {strategy.myTasks.length > 0 && (
          <span>{t('myTasksDone', { done, count: strategy.myTasks.length })}</span>
        )}
      </Caption1>
      {strategy.measures.length > 0 && (
        <Caption1 as="p" className={styles.measures}>
          {/* A label and its list, not a sentence; no rich-text code in the home view's download. */}
          <strong>{t('measuresLabel')}</strong> <span dir="auto">{strategy.measures.join(' · ')}</span>
        </Caption1>
      )}
      {strategy.myTasks.length > 0 ? (
        <ul className={styles.list} aria-label={t('tasksFor', { strategy: strategy.title })}>
          {strategy.myTasks.map((task) => (
            <TaskItem key={task.id} task={task} highlighted={task.id === highlightedTaskId} onEdit={onEdit} onRemove={onRemove} onIntent={onIntent} {...taskActions} />
          ))}
        </ul>
      ) : (
        <Body1 as="p" className={styles.none}>
          {t('noneServe')}
        </Body1>
      )}
      {/* A native disclosure: keyboard and screen readers for free, and no code in the download. */}
      <details className={styles.why}>
        <summary className={styles.summary}>{t('whySummary')}</summary>
        <dl className={styles.reasons}>
          <div>
            <dt>
              <strong>{t('why')}</strong>
            </dt>
            <dd className={styles.detail}>
              <Body1 dir="auto">{strategy.why}</Body1>
            </dd>
          </div>
          <div>
            <dt>
              <strong>{t('customers')}</strong>
            </dt>
            <dd className={styles.detail}>
              <Body1 dir="auto">{strategy.customerImpact}</Body1>
            </dd>
          </div>
        </dl>
      </details>
    </section>
  );
}
