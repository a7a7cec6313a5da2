import type { Alignment } from '@contracts';
import { Body1, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { leaderFixLists, percent } from '../insight-links';
import { LinkedShareChart, PerStrategyChart } from './AlignmentCharts';
import { FixList } from './FixList';
import { usePanelStyles } from './panel-styles';
import { formatNumber } from '../../../i18n';
import { insightsText } from '../messages';

const useStyles = makeStyles({
  view: { display: 'grid', gap: tokens.spacingVerticalL },
  lists: { display: 'grid', gap: tokens.spacingHorizontalM, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 18rem), 1fr))' },
  table: { width: '100%', borderCollapse: 'collapse', '& th, & td': { textAlign: 'start', padding: tokens.spacingVerticalXXS } },
});

interface Props {
  /** "Contoso" or a team's name. */
  name: string;
  alignment: Alignment;
  teamOf: (id: string) => string | undefined;
  /** Leaders get links into the Strategy and Teams areas; others see the same lists as text. */
  leads: boolean;
  /** Teams whose tasks and mapping the viewer may change: links lead only there. */
  actionableTeamIds?: readonly string[];
}

/** One scope's alignment: the charts, the numbers behind them, and what to fix. */
export function AlignmentView({ name, alignment, teamOf, leads, actionableTeamIds = [] }: Props) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const t = insightsText.useText();
  const lists = leaderFixLists(alignment, teamOf, leads, actionableTeamIds);
  const summary = t('summary', { linked: formatNumber(alignment.linkedTaskCount), total: alignment.taskCount, share: percent(alignment.linkedShare) });
  return (
    <div className={styles.view}>
      <section className={panel.panel} aria-labelledby="linked-share-heading">
        <Subtitle1 as="h2" id="linked-share-heading" className={panel.heading}>
          {t('workLinked', { name })}
        </Subtitle1>
        <Body1 as="p">{summary}</Body1>
        <LinkedShareChart linked={alignment.linkedTaskCount} total={alignment.taskCount} label={t('tasksLinkedChart')} />
      </section>
      <section className={panel.panel} aria-labelledby="per-strategy-heading">
        <Subtitle1 as="h2" id="per-strategy-heading" className={panel.heading}>
          {t('whoServes')}
        </Subtitle1>
        {alignment.perStrategy.length > 0 && <PerStrategyChart rows={alignment.perStrategy} label={t('perStrategyChart')} />}
        <table className={styles.table}>
          <caption className={panel.heading}>{t('tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('column.strategy')}</th>
              <th scope="col">{t('column.people')}</th>
              <th scope="col">{t('column.teams')}</th>
              <th scope="col">{t('column.tasks')}</th>
            </tr>
          </thead>
          <tbody>
            {alignment.perStrategy.map((row) => (
              <tr key={row.strategyId}>
                <th scope="row" dir="auto">
                  {row.title}
                </th>
                <td>{formatNumber(row.people)}</td>
                <td>{formatNumber(row.teams)}</td>
                <td>{formatNumber(row.tasks)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div className={styles.lists}>
        <FixList
          id="unlinked-tasks"
          title={t('list.unlinkedTasks')}
          total={alignment.unlinkedTasks.total}
          items={lists.unlinkedTasks}
          hidden={alignment.unlinkedTasks.hidden}
          empty={t('empty.unlinkedTasks')}
        />
        <FixList
          id="strategies-without-tasks"
          title={t('list.strategiesWithoutTasks')}
          total={lists.strategiesWithoutTasks.length}
          items={lists.strategiesWithoutTasks}
          empty={t('empty.strategiesWithoutTasks')}
        />
        <FixList
          id="strategies-without-teams"
          title={t('list.strategiesWithoutTeams')}
          total={lists.strategiesWithoutTeams.length}
          items={lists.strategiesWithoutTeams}
          empty={t('empty.strategiesWithoutTeams')}
        />
        <FixList
          id="people-without-linked-task"
          title={t('list.peopleWithoutLinkedTask')}
          total={alignment.peopleWithoutLinkedTask.total}
          items={lists.peopleWithoutLinkedTask}
          hidden={alignment.peopleWithoutLinkedTask.hidden}
          empty={t('empty.peopleWithoutLinkedTask')}
        />
        <FixList
          id="incomplete-strategies"
          title={t('list.incompleteStrategies')}
          total={lists.incompleteStrategies.length}
          items={lists.incompleteStrategies}
          empty={t('empty.incompleteStrategies')}
        />
      </div>
    </div>
  );
}
