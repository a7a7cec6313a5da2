import type { Team } from '@contracts';
import type { MyPulses, Pulse, PulseList } from '@pulse-contracts';
import { Button, Link, MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { hrefFor } from '../../../app/routes';
import type { LoadOutcome } from '../../../app/teams-session';
import { useLoaded } from '../../../app/use-loaded';
import { usePageStyles } from '../../../components/page-styles';
import { formatDate, formatNumber } from '../../../i18n';
import { pulsesText } from '../messages';
import { pulsesApi } from '../api/pulses-api';
import { AnswerPulse } from './AnswerPulse';
import { CustomerSurveys } from './CustomerSurveys';
import { SchedulePulse } from './SchedulePulse';

// The charts are a download of their own: answering a pulse never fetches them.
const PulseResultsView = lazy(() => import('./PulseResultsView'));

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalS },
  scroll: { overflowX: 'auto' },
});

interface Loaded {
  mine: MyPulses;
  leader: { all: PulseList; teams: Team[] } | null;
}

export interface PulsesPageProps {
  client: ApiClient;
  params: Readonly<Record<string, string>>;
  leads: boolean;
  /** Where the API answers: the public survey pages live there too. */
  apiBaseUrl?: string;
  onFirstLoad?: (outcome: LoadOutcome) => void;
}

/** Mission pulses: answer the open ones (a notification's deep link lands on its questions), read results, and for leaders open and close pulses. */
export default function PulsesPage({ client, params, leads, apiBaseUrl = '', onFirstLoad }: PulsesPageProps) {
  const page = usePageStyles();
  const styles = useStyles();
  const t = pulsesText.useText();
  const load = useCallback(
    async (signal: AbortSignal): Promise<Loaded> => {
      const [mine, all, teams] = await Promise.all([
        pulsesApi.mine(client, signal),
        leads ? pulsesApi.all(client, signal) : Promise.resolve(null),
        leads ? pulsesApi.teams(client, signal) : Promise.resolve([]),
      ]);
      return { mine, leader: all ? { all, teams } : null };
    },
    [client, leads],
  );
  const { state, reload } = useLoaded(load, onFirstLoad);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const answered = () => {
    setNotice(t('answered'));
    window.location.hash = hrefFor('pulses');
    void reload();
  };
  const opened = (pulse: Pulse) => {
    setNotice(t('opened', { title: pulse.title }));
    void reload();
  };
  const close = async (pulse: Pulse) => {
    setFailure(null);
    try {
      await pulsesApi.close(client, pulse.id);
      setNotice(t('closed', { title: pulse.title }));
      void reload();
    } catch (error) {
      setFailure(t('closeFailed', { reason: whatWentWrong(error) }));
    }
  };

  const answering = state.status === 'ready' ? state.data.mine.pulses.find((pulse) => pulse.id === params.pulse && !pulse.answered) : undefined;
  return (
    <main className={page.page}>
      <Title3 as="h1" className={page.heading}>
        {t('title')}
      </Title3>
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {failure && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'loading' && <Spinner label={t('loading')} />}
      {state.status === 'error' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('loadFailed', { reason: whatWentWrong(state.error) })}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'ready' && (
        <>
          {answering && <AnswerPulse client={client} pulse={answering} onAnswered={answered} />}
          {params.pulse && !answering && state.data.mine.pulses.some((pulse) => pulse.id === params.pulse) && (
            <MessageBar intent="info">
              <MessageBarBody>{t('alreadyAnswered')}</MessageBarBody>
            </MessageBar>
          )}
          {!answering && (
            <section aria-labelledby="open-pulses">
              <Title3 as="h2" id="open-pulses">
                {t('openForYou')}
              </Title3>
              {state.data.mine.pulses.length === 0 ? (
                <p>{t('nothingWaiting')}</p>
              ) : (
                <ul className={styles.list}>
                  {state.data.mine.pulses.map((pulse) => (
                    <li key={pulse.id} dir="auto">
                      {pulse.answered ? t('answeredItem', { title: pulse.title }) : <Link href={hrefFor('pulses', { pulse: pulse.id })}>{t('answerLink', { title: pulse.title })}</Link>}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
          {params.results && (
            <Suspense fallback={<Spinner label={t('loadingResults')} />}>
              <PulseResultsView client={client} pulseId={params.results} />
            </Suspense>
          )}
          {!leads && state.data.mine.closed.length > 0 && (
            <section aria-labelledby="closed-pulses">
              <Title3 as="h2" id="closed-pulses">
                {t('results')}
              </Title3>
              <ul className={styles.list}>
                {state.data.mine.closed.map((pulse) => (
                  <li key={pulse.id}>
                    <Link href={hrefFor('pulses', { results: pulse.id })} dir="auto">
                      {pulse.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {state.data.leader && (
            <>
              <section aria-labelledby="all-pulses" className={styles.scroll}>
                <Title3 as="h2" id="all-pulses">
                  {t('allPulses')}
                </Title3>
                {state.data.leader.all.pulses.length === 0 ? (
                  <p>{t('noPulseYet')}</p>
                ) : (
                  <Table aria-label={t('allPulses')} size="small">
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell>{t('col.pulse')}</TableHeaderCell>
                        <TableHeaderCell>{t('col.status')}</TableHeaderCell>
                        <TableHeaderCell>{t('col.asked')}</TableHeaderCell>
                        <TableHeaderCell>{t('col.actions')}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {state.data.leader.all.pulses.map((pulse) => (
                        <TableRow key={pulse.id}>
                          <TableCell dir="auto">{pulse.title}</TableCell>
                          <TableCell>{pulse.status === 'open' ? t('openUntil', { date: formatDate(pulse.closesAt) }) : t('statusClosed')}</TableCell>
                          <TableCell>{formatNumber(pulse.audienceSize)}</TableCell>
                          <TableCell>
                            <Link href={hrefFor('pulses', { results: pulse.id })} aria-label={t('resultsOf', { title: pulse.title })}>
                              {t('results')}
                            </Link>
                            {pulse.status === 'open' && (
                              <Button size="small" appearance="subtle" onClick={() => void close(pulse)} aria-label={t('closeNowOf', { title: pulse.title })}>
                                {t('closeNow')}
                              </Button>
                            )}
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                )}
              </section>
              <SchedulePulse client={client} teams={state.data.leader.teams} threshold={state.data.leader.all.threshold} onOpened={opened} />
              <CustomerSurveys client={client} apiBaseUrl={apiBaseUrl} />
            </>
          )}
        </>
      )}
    </main>
  );
}
