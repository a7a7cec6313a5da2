import type { PersonAlignment } from '@contracts';
import { Body1, Subtitle1 } from '@fluentui/react-components';
import { hrefFor } from '../../../app/routes';
import { formatNumber } from '../../../i18n';
import { percent } from '../insight-links';
import { LinkedShareChart, PerStrategyChart } from './AlignmentCharts';
import { FixList } from './FixList';
import { usePanelStyles } from './panel-styles';
import { insightsText } from '../messages';

/** An employee's own alignment: how much of their work serves a strategy, and what to link. */
export function MyAlignmentView({ me }: { me: PersonAlignment }) {
  const styles = usePanelStyles();
  const t = insightsText.useText();
  return (
    <section className={styles.panel} aria-labelledby="my-alignment-heading">
      <Subtitle1 as="h2" id="my-alignment-heading" className={styles.heading}>
        {t('myWork')}
      </Subtitle1>
      <Body1 as="p">
        {t('mySummary', { linked: formatNumber(me.linkedTaskCount), total: me.taskCount, share: percent(me.linkedShare) })}
      </Body1>
      <LinkedShareChart linked={me.linkedTaskCount} total={me.taskCount} label={t('myLinkedChart')} />
      {me.perStrategy.length > 0 && <PerStrategyChart rows={me.perStrategy} label={t('myPerStrategy')} />}
      <FixList
        id="my-tasks"
        title={t('myNeedLink')}
        total={me.unlinkedTasks.length}
        items={me.unlinkedTasks.map((task) => ({
          key: task.id,
          label: task.title,
          href: hrefFor('home'),
          detail: t('myReason', { reason: task.reason }),
        }))}
        empty={t('allMineServe')}
      />
    </section>
  );
}
