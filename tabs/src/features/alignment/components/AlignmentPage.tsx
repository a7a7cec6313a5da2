import type { AlignmentRound } from '@contracts';
import { Link, Badge, Button, Card, MessageBar, MessageBarBody, Spinner, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { hrefFor } from '../../../app/routes';
import type { LoadOutcome } from '../../../app/teams-session';
import { useLoaded } from '../../../app/use-loaded';
import { usePageStyles } from '../../../components/page-styles';
import { formatDay } from '../../../i18n';
import { listRounds } from '../api/rounds-api';
import { alignmentText } from '../messages';
import { OpenRoundDialog } from './OpenRoundDialog';
import { RoundDetail } from './RoundDetail';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, listStyle: 'none', margin: 0, padding: 0 },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  question: { overflowWrap: 'anywhere' },
});

export interface AlignmentPageProps {
  client: ApiClient;
  params: Readonly<Record<string, string>>;
  onFirstLoad?: (outcome: LoadOutcome) => void;
}

const day = (iso: string) => formatDay(iso, { day: 'numeric', month: 'short', year: 'numeric' });

const actionOf = (round: AlignmentRound) => (round.canAnswer ? 'answer' : round.canSeeResults ? 'results' : 'show');

/** Leaders' alignment rounds: open one, answer on your own, and read the scored result once it closes. */
export default function AlignmentPage({ client, params, onFirstLoad }: AlignmentPageProps) {
  const page = usePageStyles();
  const styles = useStyles();
  const t = alignmentText.useText();
  const load = useCallback((signal: AbortSignal) => listRounds(client, signal), [client]);
  const { state, reload } = useLoaded(load, onFirstLoad);
  const [opening, setOpening] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const selected = params.round;

  const opened = (round: AlignmentRound) => {
    setOpening(false);
    setNotice(t('page.opened', { count: round.leaders.length, until: day(round.closesAt) }));
    window.location.hash = hrefFor('alignment', { round: round.id });
    void reload();
  };

  return (
    <main className={page.page}>
      <Title3 as="h1" className={page.heading}>
        {t('page.title')}
      </Title3>
      <Text>{t('page.intro')}</Text>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => setOpening(true)}>
          {t('page.open')}
        </Button>
      </div>
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {selected && <RoundDetail key={selected} client={client} roundId={selected} onChanged={() => void reload()} />}
      {state.status === 'loading' && <Spinner label={t('page.loading')} />}
      {state.status === 'error' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{t('page.loadFailed', { why: whatWentWrong(state.error) })}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'ready' && state.data.rounds.length === 0 && <Text>{t('page.none')}</Text>}
      {state.status === 'ready' && state.data.rounds.length > 0 && (
        <section aria-labelledby="rounds-heading">
          <h2 id="rounds-heading">{t('page.yourRounds')}</h2>
          <ul className={styles.list}>
            {state.data.rounds.map((round) => (
              <li key={round.id}>
                <Card className={styles.card}>
                  <Text weight="semibold" className={styles.question} dir="auto">
                    {round.question}
                  </Text>
                  <div className={styles.row}>
                    <Badge appearance="tint" color={round.status === 'open' ? 'brand' : 'informative'}>
                      {round.status === 'open' ? t('page.openUntil', { until: day(round.closesAt) }) : t('page.closed')}
                    </Badge>
                    <Text>{t('page.answered', { answered: round.answeredCount, count: round.leaders.length })}</Text>
                    <Link href={hrefFor('alignment', { round: round.id })} aria-current={round.id === selected ? 'page' : undefined} aria-label={t('page.actionLabel', { action: actionOf(round), question: round.question })}>
                      {t('page.action', { action: actionOf(round) })}
                    </Link>
                  </div>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      )}
      {opening && <OpenRoundDialog client={client} onOpened={opened} onClose={() => setOpening(false)} />}
    </main>
  );
}
