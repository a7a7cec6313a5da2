import type { Moment, MomentOptions } from '@contracts';
import { Link, Button, Field, MessageBar, MessageBarBody, Select, Spinner, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { hrefFor } from '../../../app/routes';
import type { LoadOutcome } from '../../../app/teams-session';
import { useLoaded } from '../../../app/use-loaded';
import { MomentCard } from '../../../components/MomentCard';
import { usePageStyles } from '../../../components/page-styles';
import { deleteMoment, loadFeed, loadOptions, react, type FeedFilters } from '../api/moments-api';
import { HideMomentDialog } from './HideMomentDialog';
import { MomentComposer } from './MomentComposer';
import { NotifiedMoment } from './NotifiedMoment';
import { momentsText } from '../messages';

const useStyles = makeStyles({
  // A long strategy title must not widen the page past a phone's width.
  picker: { minWidth: 0, maxWidth: '100%' },
  field: { minWidth: 0 },
  filters: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))', gap: tokens.spacingHorizontalM },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, listStyle: 'none', margin: 0, padding: 0 },
  h2: { margin: 0 },
});

export interface MomentsPageProps {
  client: ApiClient;
  params: Readonly<Record<string, string>>;
  myId: string | undefined;
  onFirstLoad?: (outcome: LoadOutcome) => void;
}

/** Mission moments: recognise colleagues, the feed (by value, strategy, team), and one person's card (`?person=`). */
export default function MomentsPage({ client, params, myId, onFirstLoad }: MomentsPageProps) {
  const t = momentsText.useText();
  const page = usePageStyles();
  const styles = useStyles();
  const [filters, setFilters] = useState<FeedFilters>(params.team ? { teamId: params.team } : {});
  const personId = params.person;
  const load = useCallback(
    async (signal: AbortSignal) => {
      const [options, feed] = await Promise.all([loadOptions(client, signal), loadFeed(client, { ...filters, ...(personId ? { personId } : {}) }, undefined, signal)]);
      return { options, feed };
    },
    [client, filters, personId],
  );
  const { state, reload } = useLoaded<{ options: MomentOptions; feed: { moments: Moment[]; next: string | null } }>(load, onFirstLoad);
  const [more, setMore] = useState<{ moments: Moment[]; next: string | null } | null>(null);
  const [hiding, setHiding] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  const act = async (work: () => Promise<unknown>, done: string) => {
    setNotice(null);
    try {
      await work();
      setNotice({ intent: 'success', text: done });
      setMore(null);
      void reload();
    } catch (error) {
      setNotice({ intent: 'error', text: t('failed', { reason: whatWentWrong(error) }) });
    }
  };

  const person = state.status === 'ready' && personId ? state.data.options.people.find((candidate) => candidate.id === personId) : undefined;
  const moments = state.status === 'ready' ? [...state.data.feed.moments, ...(more?.moments ?? [])] : [];
  const next = more ? more.next : state.status === 'ready' ? state.data.feed.next : null;
  const setFilter = (key: keyof FeedFilters, value: string) => {
    setMore(null);
    setFilters((current) => ({ ...current, value: key === 'value' ? value || undefined : key === 'strategyId' ? undefined : current.value, strategyId: key === 'strategyId' ? value || undefined : key === 'value' ? undefined : current.strategyId, teamId: key === 'teamId' ? value || undefined : current.teamId }));
  };

  return (
    <main className={page.page}>
      <Title3 as="h1" className={page.heading}>
        {person ? t('titleFor', { name: person.displayName }) : t('title')}
      </Title3>
      {personId && <Link href={hrefFor('moments')}>{t('backToAll')}</Link>}
      {params.moment && <NotifiedMoment client={client} momentId={params.moment} />}
      {state.status === 'loading' && <Spinner label={t('loading')} />}
      {state.status === 'error' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{t('loadFailed', { reason: whatWentWrong(state.error) })}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'ready' && (
        <>
          {!personId && <MomentComposer client={client} options={state.data.options} myId={myId} initialTeamId={params.compose ? params.team : undefined} onPosted={() => { setMore(null); void reload(); }} />}
          {!personId && (
            <div className={styles.filters} role="group" aria-label={t('filters')}>
              <Field className={styles.field} label={t('value')}>
                <Select className={styles.picker} value={filters.value ?? ''} onChange={(_, data) => setFilter('value', data.value)}>
                  <option value="">{t('anyValue')}</option>
                  {state.data.options.values.map((value) => <option key={value} value={value}>{value}</option>)}
                </Select>
              </Field>
              <Field className={styles.field} label={t('strategy')}>
                <Select className={styles.picker} value={filters.strategyId ?? ''} onChange={(_, data) => setFilter('strategyId', data.value)}>
                  <option value="">{t('anyStrategy')}</option>
                  {state.data.options.strategies.map((strategy) => <option key={strategy.id} value={strategy.id}>{strategy.title}</option>)}
                </Select>
              </Field>
              <Field className={styles.field} label={t('team')}>
                <Select className={styles.picker} value={filters.teamId ?? ''} onChange={(_, data) => setFilter('teamId', data.value)}>
                  <option value="">{t('everyTeam')}</option>
                  {state.data.options.teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
                </Select>
              </Field>
            </div>
          )}
          {notice && (
            <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
              <MessageBarBody>{notice.text}</MessageBarBody>
            </MessageBar>
          )}
          <section aria-labelledby="feed-heading">
            <h2 id="feed-heading" className={styles.h2}>{t('recent')}</h2>
            {moments.length === 0 && <Text>{t('none')}</Text>}
            <ul className={styles.list}>
              {moments.map((moment) => (
                <li key={moment.id}>
                  <MomentCard
                    moment={moment}
                    actions={
                      <>
                        {!moment.mine && (
                          <Button size="small" aria-pressed={moment.reactedByMe} onClick={() => void act(() => react(client, moment.id, !moment.reactedByMe), moment.reactedByMe ? t('reactionTaken') : t('sawToo'))}>
                            {t('seenToo')}
                          </Button>
                        )}
                        {moment.recognised.map((recognised) => (
                          <Link key={recognised.id} href={hrefFor('moments', { person: recognised.id })}>{t('personMoments', { name: recognised.displayName })}</Link>
                        ))}
                        {moment.mine && <Button size="small" onClick={() => void act(() => deleteMoment(client, moment.id), t('deleted'))}>{t('delete')}</Button>}
                        {moment.canHide && !moment.mine && <Button size="small" onClick={() => setHiding(moment.id)}>{t('hide')}</Button>}
                      </>
                    }
                  />
                </li>
              ))}
            </ul>
            {next && (
              <Button onClick={() => void loadFeed(client, { ...filters, ...(personId ? { personId } : {}) }, next).then((page) => setMore((current) => ({ moments: [...(current?.moments ?? []), ...page.moments], next: page.next })))}>
                {t('showMore')}
              </Button>
            )}
          </section>
        </>
      )}
      {hiding && (
        <HideMomentDialog
          client={client}
          momentId={hiding}
          onClose={() => setHiding(null)}
          onHidden={() => {
            setHiding(null);
            setNotice({ intent: 'success', text: t('hidden') });
            setMore(null);
            void reload();
          }}
        />
      )}
    </main>
  );
}
