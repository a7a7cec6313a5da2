import type { AlignmentRound } from '@contracts';
import { Link, Badge, Button, Card, MessageBar, MessageBarBody, Spinner, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { hrefFor } from '../../../app/routes';
import type { LoadOutcome } from '../../../app/teams-session';
import { useLoaded } from '../../../app/use-loaded';
import { usePageStyles } from '../../../components/page-styles';
import { listRounds } from '../api/rounds-api';
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

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

const actionOf = (round: AlignmentRound) => (round.canAnswer ? 'Answer' : round.canSeeResults ? 'See results' : 'Show round');

/** Leaders' alignment rounds: open one, answer on your own, and read the scored result once it closes. */
export default function AlignmentPage({ client, params, onFirstLoad }: AlignmentPageProps) {
  const page = usePageStyles();
  const styles = useStyles();
  const load = useCallback((signal: AbortSignal) => listRounds(client, signal), [client]);
  const { state, reload } = useLoaded(load, onFirstLoad);
  const [opening, setOpening] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const selected = params.round;

  const opened = (round: AlignmentRound) => {
    setOpening(false);
    setNotice(`Round opened. ${round.leaders.length} leaders were invited; they answer on their own until ${day(round.closesAt)}.`);
    window.location.hash = hrefFor('alignment', { round: round.id });
    void reload();
  };

  return (
    <main className={page.page}>
      <Title3 as="h1" className={page.heading}>
        Alignment rounds
      </Title3>
      <Text>Ask your leadership team, independently, what they get paid to do. Nobody reads any answer until the round closes.</Text>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => setOpening(true)}>
          Open a round
        </Button>
      </div>
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {selected && <RoundDetail key={selected} client={client} roundId={selected} onChanged={() => void reload()} />}
      {state.status === 'loading' && <Spinner label="Loading rounds…" />}
      {state.status === 'error' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>We couldn't load the rounds. {whatWentWrong(state.error)}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'ready' && state.data.rounds.length === 0 && <Text>No rounds yet. Open the first one to ask your leaders.</Text>}
      {state.status === 'ready' && state.data.rounds.length > 0 && (
        <section aria-labelledby="rounds-heading">
          <h2 id="rounds-heading">Your rounds</h2>
          <ul className={styles.list}>
            {state.data.rounds.map((round) => (
              <li key={round.id}>
                <Card className={styles.card}>
                  <Text weight="semibold" className={styles.question}>
                    {round.question}
                  </Text>
                  <div className={styles.row}>
                    <Badge appearance="tint" color={round.status === 'open' ? 'brand' : 'informative'}>
                      {round.status === 'open' ? `Open until ${day(round.closesAt)}` : 'Closed'}
                    </Badge>
                    <Text>
                      {round.answeredCount} of {round.leaders.length} answered
                    </Text>
                    <Link href={hrefFor('alignment', { round: round.id })} aria-current={round.id === selected ? 'page' : undefined} aria-label={`${actionOf(round)}: ${round.question}`}>
                      {actionOf(round)}
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
