import type { PersonAlignment } from '@contracts';
import { Body1, Subtitle1 } from '@fluentui/react-components';
import { hrefFor } from '../../../app/routes';
import { percent } from '../insight-links';
import { LinkedShareChart, PerStrategyChart } from './AlignmentCharts';
import { FixList } from './FixList';
import { usePanelStyles } from './panel-styles';

/** An employee's own alignment: how much of their work serves a strategy, and what to link. */
export function MyAlignmentView({ me }: { me: PersonAlignment }) {
  const styles = usePanelStyles();
  return (
    <section className={styles.panel} aria-labelledby="my-alignment-heading">
      <Subtitle1 as="h2" id="my-alignment-heading" className={styles.heading}>
        My work
      </Subtitle1>
      <Body1 as="p">
        {me.linkedTaskCount} of {me.taskCount} of your tasks ({percent(me.linkedShare)}) serve a strategy.
      </Body1>
      <LinkedShareChart linked={me.linkedTaskCount} total={me.taskCount} label="My tasks linked to a strategy" />
      {me.perStrategy.length > 0 && <PerStrategyChart rows={me.perStrategy} label="My tasks per strategy" />}
      <FixList
        title="My tasks that need a link"
        total={me.unlinkedTasks.length}
        items={me.unlinkedTasks.map((task) => ({
          key: task.id,
          label: task.title,
          href: hrefFor('home'),
          detail: task.reason === 'strategy_archived' ? 'its strategy was archived' : 'no strategy yet',
        }))}
        empty="All your tasks serve a strategy."
      />
    </section>
  );
}
