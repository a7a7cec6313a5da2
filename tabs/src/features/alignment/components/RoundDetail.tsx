import type { AlignmentRound } from '@contracts';
import { Button, Card, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { useLoaded } from '../../../app/use-loaded';
import { closeRound, loadRound } from '../api/rounds-api';
import { AnswerForm } from './AnswerForm';
import { RoundResults } from './RoundResults';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0, overflowWrap: 'anywhere' },
  who: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyle: 'none', margin: 0, padding: 0 },
});

export interface RoundDetailProps {
  client: ApiClient;
  roundId: string;
  onChanged(): void;
}

/** One round: who has answered (never what, before close), the caller's answer form, closing, and the results after close. */
export function RoundDetail({ client, roundId, onChanged }: RoundDetailProps) {
  const styles = useStyles();
  const load = useCallback((signal: AbortSignal) => loadRound(client, roundId, signal), [client, roundId]);
  const { state, reload } = useLoaded<AlignmentRound>(load);
  const [closing, setClosing] = useState(false);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  const close = async () => {
    setClosing(true);
    setMessage(null);
    try {
      await closeRound(client, roundId);
      setMessage({ intent: 'success', text: 'Round closed and scored.' });
      void reload();
      onChanged();
    } catch (error) {
      setMessage({ intent: 'error', text: `We couldn't close the round. ${whatWentWrong(error)}` });
    } finally {
      setClosing(false);
    }
  };

  if (state.status === 'loading') return <Spinner label="Loading the round…" />;
  if (state.status === 'error') {
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>We couldn't load this round. {whatWentWrong(state.error)}</MessageBarBody>
      </MessageBar>
    );
  }
  const round = state.data;
  return (
    <Card className={styles.card}>
      <h2 className={styles.heading}>{round.question}</h2>
      <Text>
        {round.status === 'open' ? 'Open.' : 'Closed.'} {round.answeredCount} of {round.leaders.length} leaders answered.
      </Text>
      <ul className={styles.who} aria-label="Who has answered">
        {round.leaders.map((leader) => (
          <li key={leader.id}>
            <Text>
              {leader.displayName}: {leader.answered ? 'answered' : 'not yet'}
            </Text>
          </li>
        ))}
      </ul>
      {message && (
        <MessageBar intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {round.canAnswer && <AnswerForm client={client} roundId={round.id} onSaved={() => { void reload(); onChanged(); }} />}
      {round.canClose && (
        <div>
          <Button onClick={() => void close()} disabled={closing} icon={closing ? <Spinner size="tiny" /> : undefined}>
            Close the round now
          </Button>
        </div>
      )}
      {round.canSeeResults && <RoundResults client={client} roundId={round.id} />}
      {round.status === 'closed' && !round.canSeeResults && <Text>The results are for the invited leaders and Admins.</Text>}
    </Card>
  );
}
