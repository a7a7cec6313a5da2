import type { TeamTask } from '@contracts';
import { Body1, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { SearchablePagedList } from '../../../components/SearchablePagedList';
import { usePagedSearch } from '../../../components/use-paged-search';
import type { ChannelApi } from '../api/channel-api';
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

/** One list of the line of sight as the API answers it: the first page, how many in all, where the rest start. */
export interface TeamTaskListPage {
  tasks: TeamTask[];
  count: number;
  nextCursor: string | null;
}

export interface TeamTaskListProps {
  page: TeamTaskListPage;
  label: string;
  empty: string;
  /** Teammates' tasks the viewer may not see, counted (only the team's Leader and Admins see them). */
  hidden?: number;
  /** Where the rest of a long list comes from: the team and the list ('unlinked' or a strategy's id). */
  more: { api: ChannelApi; teamId: string; list: string; searchLabel: string };
}

/**
 * The team's tasks with their owners and how each serves; `hidden` more are teammates' tasks the
 * viewer may not see, shown as a count. A list longer than its first page is searched and paged on
 * the server (issue 13), with the shared searchable list.
 */
export function TeamTaskList({ page, label, empty, hidden = 0, more }: TeamTaskListProps) {
  const styles = useStyles();
  const t = channelText.useText();
  const others = hidden > 0 && (
    <Body1 as="p" className={styles.muted}>
      {t(page.count > 0 ? 'andTeammatesTasks' : 'teammatesTasks', { count: hidden })}
    </Body1>
  );
  if (page.count === 0) return others || (empty ? <Body1 as="p" className={styles.muted}>{empty}</Body1> : null);
  return (
    <>
      {page.nextCursor === null ? <TaskItems tasks={page.tasks} label={label} /> : <PagedTasks page={page} label={label} more={more} />}
      {others}
    </>
  );
}

function PagedTasks({ page, label, more }: Pick<TeamTaskListProps, 'page' | 'label' | 'more'>) {
  const styles = useStyles();
  const t = channelText.useText();
  const { api, teamId, list } = more;
  const fetchPage = useMemo(() => api.teamTasksPage(teamId, list), [api, teamId, list]);
  // The first page came with the line of sight; the rest, and any search, from the server.
  const initial = useMemo(() => ({ items: page.tasks, nextCursor: page.nextCursor }), [page]);
  const search = usePagedSearch(fetchPage, 25, true, initial);
  return (
    <>
      <Caption1 as="p" className={styles.muted}>{t('taskTotal', { count: page.count })}</Caption1>
      <SearchablePagedList search={search} label={more.searchLabel} noun={{ one: t('noun.task'), many: t('noun.tasks') }} emptyText="">
        {(tasks) => <TaskItems tasks={tasks} label={label} />}
      </SearchablePagedList>
    </>
  );
}

function TaskItems({ tasks, label }: { tasks: TeamTask[]; label: string }) {
  const styles = useStyles();
  const t = channelText.useText();
  return (
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
  );
}
