import type { Team, TeamTask } from '@contracts';
import { Body1, Button, Field, MessageBar, MessageBarBody, Select, Spinner, Subtitle1, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, EditRegular, LinkDismissRegular, LinkRegular } from '@fluentui/react-icons';
import { Suspense, lazy, useCallback, useMemo, useState } from 'react';
import { ApiError, type ApiClient } from '../../../app/api-client';
import { ActionToaster, useActionToast } from '../../../components/ActionToaster';
import { usePageStyles } from '../../../components/page-styles';
import { whatWentWrong } from '../../../app/error-text';
import { attemptSave } from '../../../app/save-outcome';
import type { LoadOutcome } from '../../../app/teams-session';
import { useLoaded } from '../../../app/use-loaded';
import { SearchablePagedList } from '../../../components/SearchablePagedList';
import { usePagedSearch } from '../../../components/use-paged-search';
import { createTeamsApi, teamTasksPage } from '../api/teams-api';
import { teamsText } from '../messages';
import { PeopleRoles } from './PeopleRoles';
import { TeamMembers } from './TeamMembers';
import { TeamStrategies } from './TeamStrategies';
import { TeamTasks } from './TeamTasks';

const TeamNameDialog = lazy(() => import('./TeamNameDialog'));
const RemapDialog = lazy(() => import('./RemapDialog'));
const GroupLinkDialog = lazy(() => import('./GroupLinkDialog'));

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  picker: { minWidth: 'min(100%, 16rem)' },
  section: { display: 'grid', gap: tokens.spacingVerticalM },
});

export interface TeamsPageProps {
  client: ApiClient;
  /** `team` to open, `task` to point at (from insights links). */
  params: Readonly<Record<string, string>>;
  /** The signed-in person's team name, when known: their team opens first. */
  myTeamName?: string | null;
  /** Admins also grant and revoke Leader here. */
  isAdmin?: boolean;
  /** The signed-in person's id: they can't change their own roles. */
  myId?: string;
  onFirstLoad?: (outcome: LoadOutcome) => void;
}

type Open = { kind: 'name'; team: Team | null } | { kind: 'link'; tasks: TeamTask[] } | { kind: 'group'; team: Team } | null;

/** The Teams area: teams, the strategies each serves, and re-mapping their tasks. */
export default function TeamsPage({ client, params, myTeamName, isAdmin = false, myId, onFirstLoad }: TeamsPageProps) {
  const page = usePageStyles();
  const styles = useStyles();
  const t = teamsText.useText();
  const api = useMemo(() => createTeamsApi(client), [client]);
  const load = useCallback(async (signal: AbortSignal) => {
    const [teams, strategies] = await Promise.all([api.teams(signal), api.strategies(signal)]);
    return { teams, strategies };
  }, [api]);
  const { state, reload } = useLoaded(load, onFirstLoad);
  const [picked, setPicked] = useState<string | null>(params.team ?? null);
  const [open, setOpen] = useState<Open>(null);
  const toast = useActionToast();
  // Counts re-maps: the task list drops its selection after each, so nothing stays selected over a changed list.
  const [remaps, setRemaps] = useState(0);

  const teams = state.status === 'ready' ? state.data.teams : [];
  const team = teams.find((t) => t.id === (picked ?? params.team)) ?? teams.find((t) => t.name === myTeamName) ?? teams[0];
  const tasks = usePagedSearch(useMemo(() => teamTasksPage(client, team?.id), [client, team?.id]));
  const loadMembers = useCallback((signal: AbortSignal) => (team ? api.members(team.id, signal) : Promise.resolve([])), [api, team?.id]); // eslint-disable-line react-hooks/exhaustive-deps -- reload per team, not per etag
  const members = useLoaded(loadMembers);

  /** Closes what is open; after a change, says what was done (naming it) and loads again. */
  const done = (changed: boolean, text: string, body?: string) => {
    setOpen(null);
    if (!changed) return;
    toast(text, body ? { body } : undefined);
    void Promise.all([reload(), tasks.reload(), members.reload()]);
  };

  const unlink = async (linked: Team) => {
    const outcome = await attemptSave(() => api.unlinkGroup(linked, linked.etag), []);
    if (outcome.kind === 'done') done(true, t('unlinked', { name: linked.name }), t('unlinkedBody'));
    else toast(outcome.kind === 'conflict' ? t('unlinkConflict', { name: linked.name }) : t('unlinkFailed', { name: linked.name, reason: outcome.message ?? '' }), { intent: 'error' });
  };

  return (
    <main className={page.page} aria-busy={state.status === 'ready' && state.refreshing}>
      <Title3 as="h1" className={page.heading}>
        {t('title')}
      </Title3>
      {state.status === 'loading' && <Spinner label={t('loading')} />}
      {state.status === 'error' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{t('loadFailed', { reason: whatWentWrong(state.error) })}</MessageBarBody>
        </MessageBar>
      )}
      <ActionToaster />
      {state.status === 'ready' && (
        <>
          <div className={styles.bar}>
            {team && (
              <Field label={t('team')} className={styles.picker}>
                <Select value={team.id} onChange={(_, data) => setPicked(data.value)}>
                  {teams.map((option) => (
                    <option key={option.id} value={option.id}>
                      {t('teamOption', { name: option.name, count: option.memberCount })}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            {team && (
              <Button icon={<EditRegular />} aria-label={t('renameTeam', { name: team.name })} onClick={() => setOpen({ kind: 'name', team })}>
                {t('rename')}
              </Button>
            )}
            <Button icon={<AddRegular />} onClick={() => setOpen({ kind: 'name', team: null })}>
              {t('addTeam')}
            </Button>
          </div>
          {!team && <Body1 as="p">{t('noTeams')}</Body1>}
          {team && (
            <>
              <section className={styles.section} aria-labelledby="team-strategies-heading">
                <Subtitle1 as="h2" id="team-strategies-heading" className={page.heading}>
                  {t('strategiesHeading', { name: team.name })}
                </Subtitle1>
                <TeamStrategies
                  team={team}
                  strategies={state.data.strategies}
                  save={(strategyIds, etag) => attemptSave(() => api.updateTeam(team, { strategyIds }, etag), ['strategyIds'])}
                  onSaved={(tookTheirs) => done(true, t(tookTheirs ? 'strategiesKeptTheirs' : 'strategiesSaved', { name: team.name }))}
                />
              </section>
              <section className={styles.section} aria-labelledby="team-people-heading">
                <Subtitle1 as="h2" id="team-people-heading" className={page.heading}>
                  {t('peopleHeading', { name: team.name })}
                </Subtitle1>
                <TeamMembers team={team} state={members.state} />
                {members.state.status === 'ready' && (
                  <div className={styles.bar}>
                    {team.groupId ? (
                      <Button icon={<LinkDismissRegular />} onClick={() => void unlink(team)}>
                        {t('unlinkFrom', { group: team.linkedGroup?.displayName ?? 'Microsoft 365' })}
                      </Button>
                    ) : (
                      <Button icon={<LinkRegular />} onClick={() => setOpen({ kind: 'group', team })}>
                        {t('linkToM365')}
                      </Button>
                    )}
                  </div>
                )}
              </section>
              <section className={styles.section} aria-labelledby="team-tasks-heading">
                <Subtitle1 as="h2" id="team-tasks-heading" className={page.heading}>
                  {t('tasksHeading', { name: team.name, endsInS: /s$/i.test(team.name.trim()) ? 'yes' : 'no' })}
                </Subtitle1>
                <SearchablePagedList
                  search={tasks}
                  label={t('searchTasks')}
                  noun={{ one: t('noun.task.one'), many: t('noun.task.many') }}
                  emptyText={t('noTasks')}
                  explainError={(error) =>
                    error instanceof ApiError && error.status === 403 ? (
                      <MessageBar intent="info" layout="multiline">
                        <MessageBarBody>{t('tasksForbidden', { name: team.name })}</MessageBarBody>
                      </MessageBar>
                    ) : null
                  }
                >
                  {(shown) => (
                    <TeamTasks
                      tasks={shown}
                      strategies={state.data.strategies}
                      highlightId={params.task}
                      selectionResetKey={remaps}
                      onLink={(chosen) => setOpen({ kind: 'link', tasks: chosen })}
                    />
                  )}
                </SearchablePagedList>
              </section>
            </>
          )}
          {isAdmin && <PeopleRoles client={client} myId={myId} />}
          <Suspense fallback={null}>
            {open?.kind === 'name' && (
              <TeamNameDialog
                team={open.team}
                save={(name, etag) =>
                  attemptSave(() => (open.team && etag ? api.updateTeam(open.team, { name }, etag) : api.createTeam(name)), ['name'])
                }
                onClose={(changed, name = '') => done(changed, open.team ? t('renamed', { old: open.team.name, name }) : t('added', { name }))}
              />
            )}
            {open?.kind === 'group' && (
              <GroupLinkDialog
                client={client}
                team={open.team}
                save={(groupId, etag) => attemptSave(() => api.linkGroup(open.team, groupId, etag), ['groupId'])}
                onClose={(changed) => done(changed, t('linkedGroup', { name: open.team.name }), t('linkedGroupBody'))}
              />
            )}
            {open?.kind === 'link' && team && (
              <RemapDialog
                tasks={open.tasks}
                strategies={state.data.strategies}
                remap={(link) =>
                  attemptSave(
                    () => (open.tasks.length === 1 && open.tasks[0] ? api.linkTask(team.id, open.tasks[0], link) : api.remapTasks(team.id, open.tasks, link)),
                    ['strategyId', 'howItServes'],
                  )
                }
                onClose={(changed, strategyTitle) => {
                  if (changed) setRemaps((count) => count + 1);
                  const strategy = strategyTitle ?? '';
                  const one = open.tasks.length === 1 ? open.tasks[0] : undefined;
                  done(
                    changed,
                    one ? t('linkedOne', { title: one.title, strategy }) : t('linkedMany', { count: open.tasks.length, strategy }),
                    t(one ? 'linkedOneBody' : 'linkedManyBody'),
                  );
                }}
              />
            )}
          </Suspense>
        </>
      )}
    </main>
  );
}
