import type { EditableStrategy, TeamTask } from '@contracts';
import { Body1, Button, Caption1, Checkbox, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { LinkRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { teamsText } from '../messages';

const useStyles = makeStyles({
  box: { display: 'grid', gap: tokens.spacingVerticalS },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  highlighted: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  text: { display: 'grid', gap: tokens.spacingVerticalXXS, flex: '1 1 auto', minWidth: 0, overflowWrap: 'anywhere' },
  unlinked: { color: tokens.colorStatusWarningForeground3, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
});

interface Props {
  tasks: TeamTask[];
  strategies: EditableStrategy[];
  /** A task to point at, e.g. from an insights link. */
  highlightId?: string;
  /** Changes after a re-map: the selection is dropped, so nothing stays selected over a changed list. */
  selectionResetKey?: number;
  onLink(tasks: TeamTask[]): void;
}

/** The team's tasks, each with its link; pick several to re-map them at once. */
export function TeamTasks({ tasks, strategies, highlightId, selectionResetKey = 0, onLink }: Props) {
  const styles = useStyles();
  const t = teamsText.useText();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [onlyUnlinked, setOnlyUnlinked] = useState(false);
  const highlighted = useRef<HTMLLIElement>(null);
  const titles = useMemo(() => new Map(strategies.map((s) => [s.id, s.title])), [strategies]);
  const linkOf = (task: TeamTask) => (task.strategyId ? titles.get(task.strategyId) : undefined);
  const shown = onlyUnlinked ? tasks.filter((task) => !linkOf(task)) : tasks;
  const chosen = tasks.filter((task) => selected.has(task.id));

  useEffect(() => setSelected((current) => new Set([...current].filter((id) => tasks.some((t) => t.id === id)))), [tasks]);
  useEffect(() => highlighted.current?.scrollIntoView({ block: 'center' }), [highlightId, tasks]);
  useEffect(() => setSelected(new Set()), [selectionResetKey]);

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  if (tasks.length === 0) return <Body1 as="p">{t('noTasks')}</Body1>;

  return (
    <div className={styles.box}>
      <div className={styles.toolbar}>
        <Switch label={t('onlyUnlinked')} checked={onlyUnlinked} onChange={(_, data) => setOnlyUnlinked(data.checked)} />
        <Button appearance="primary" icon={<LinkRegular />} disabledFocusable={chosen.length === 0} onClick={() => onLink(chosen)}>
          {chosen.length > 0 ? t('linkSelectedCount', { count: chosen.length }) : t('linkSelected')}
        </Button>
        {chosen.length > 0 && <Button onClick={() => setSelected(new Set())}>{t('clearSelection')}</Button>}
      </div>
      {shown.length === 0 && <Body1 as="p">{t('allLinked')}</Body1>}
      <ul className={styles.list} aria-label={t('tasksList')}>
        {shown.map((task) => {
          const strategy = linkOf(task);
          const isHighlighted = task.id === highlightId;
          return (
            <li key={task.id} ref={isHighlighted ? highlighted : undefined} className={isHighlighted ? `${styles.item} ${styles.highlighted}` : styles.item}>
              <Checkbox aria-label={t('selectTask', { title: task.title })} checked={selected.has(task.id)} onChange={(_, data) => toggle(task.id, data.checked === true)} />
              <div className={styles.text}>
                <Text weight="semibold" dir="auto">{task.title}</Text>
                <Caption1 className={styles.muted}>
                  {t('taskMeta', { owner: task.ownerName, source: task.source ?? 'none', done: task.completed ? 'yes' : 'no' })}
                </Caption1>
                {strategy ? (
                  <Body1 className={styles.muted} dir="auto">
                    {task.howItServes ? t('servesHow', { strategy, how: task.howItServes }) : t('serves', { strategy })}
                  </Body1>
                ) : (
                  <Body1 className={styles.unlinked}>{task.strategyId ? t('archivedNeedsLink') : t('notLinkedToStrategy')}</Body1>
                )}
              </div>
              <Button size="small" aria-label={t('linkTask', { title: task.title })} icon={<LinkRegular />} onClick={() => onLink([task])}>
                {t('link')}
              </Button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
