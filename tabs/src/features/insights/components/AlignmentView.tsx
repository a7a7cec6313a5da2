import type { Alignment } from '@contracts';
import { Body1, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { leaderFixLists, percent } from '../insight-links';
import { LinkedShareChart, PerStrategyChart } from './AlignmentCharts';
import { FixList } from './FixList';
import { usePanelStyles } from './panel-styles';

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
  const lists = leaderFixLists(alignment, teamOf, leads, actionableTeamIds);
  const summary = `${alignment.linkedTaskCount} of ${alignment.taskCount} tasks (${percent(alignment.linkedShare)}) serve a strategy`;
  return (
    <div className={styles.view}>
      <section className={panel.panel} aria-labelledby="linked-share-heading">
        <Subtitle1 as="h2" id="linked-share-heading" className={panel.heading}>
          {name}: work linked to strategy
        </Subtitle1>
        <Body1 as="p">{summary}.</Body1>
        <LinkedShareChart linked={alignment.linkedTaskCount} total={alignment.taskCount} label="Tasks linked to a strategy" />
      </section>
      <section className={panel.panel} aria-labelledby="per-strategy-heading">
        <Subtitle1 as="h2" id="per-strategy-heading" className={panel.heading}>
          Who serves each strategy
        </Subtitle1>
        {alignment.perStrategy.length > 0 && <PerStrategyChart rows={alignment.perStrategy} label="Tasks serving each strategy" />}
        <table className={styles.table}>
          <caption className={panel.heading}>People, teams and tasks per strategy</caption>
          <thead>
            <tr>
              <th scope="col">Strategy</th>
              <th scope="col">People</th>
              <th scope="col">Teams</th>
              <th scope="col">Tasks</th>
            </tr>
          </thead>
          <tbody>
            {alignment.perStrategy.map((row) => (
              <tr key={row.strategyId}>
                <th scope="row">{row.title}</th>
                <td>{row.people}</td>
                <td>{row.teams}</td>
                <td>{row.tasks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div className={styles.lists}>
        <FixList
          title="Tasks with no strategy"
          total={alignment.unlinkedTasks.total}
          items={lists.unlinkedTasks}
          hidden={alignment.unlinkedTasks.hidden}
          empty="Every task serves a strategy."
        />
        <FixList title="Strategies nobody works on" total={lists.strategiesWithoutTasks.length} items={lists.strategiesWithoutTasks} empty="Every strategy has work serving it." />
        <FixList title="Strategies with no team" total={lists.strategiesWithoutTeams.length} items={lists.strategiesWithoutTeams} empty="Every strategy has a team." />
        <FixList
          title="People with no linked task"
          total={alignment.peopleWithoutLinkedTask.total}
          items={lists.peopleWithoutLinkedTask}
          hidden={alignment.peopleWithoutLinkedTask.hidden}
          empty="Everyone has work linked to a strategy."
        />
        <FixList title="Incomplete strategies" total={lists.incompleteStrategies.length} items={lists.incompleteStrategies} empty="Every strategy says why and how it serves customers." />
      </div>
    </div>
  );
}
