import type { AlignmentRound } from '@contracts';
import { Button, Card, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { useLoaded } from '../../../app/use-loaded';
import { closeRound, loadRound } from '../api/rounds-api';
import { alignmentText } from '../messages';
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
  const t = alignmentText.useText();
  const load = useCallback((signal: AbortSignal) => loadRound(client, roundId, signal), [client, roundId]);
  const { state, reload } = useLoaded<AlignmentRound>(load);
  const [closing, setClosing] = useState(false);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  const close = async () => {
    setClosing(true);
    setMessage(null);
    try {
      await closeRound(client, roundId);
      setMessage({ intent: 'success', text: t('round.closedScored') });
      void reload();
      onChanged();
    } catch (error) {
      setMessage({ intent: 'error', text: t('round.closeFailed', { why: whatWentWrong(error) }) });
    } finally {
      setClosing(false);
    }
  };

  if (state.status === 'loading') return <Spinner label={t('round.loading')} />;
  if (state.status === 'error') {
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>{t('round.loadFailed', { why: whatWentWrong(state.error) })}</MessageBarBody>
      </MessageBar>
    );
  }
  const round = state.data;
  return (
    <Card className={styles.card}>
      <h2 className={styles.heading} dir="auto">
        {round.question}
      </h2>
      <Text>{t('round.summary', { status: round.status, answered: round.answeredCount, count: round.leaders.length })}</Text>
      <ul className={styles.who} aria-label={t('round.who')}>
        {round.leaders.map((leader) => (
          <li key={leader.id}>
            <Text>{t(leader.answered ? 'round.leaderAnswered' : 'round.leaderNotYet', { name: leader.displayName })}</Text>
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
            {t('round.close')}
          </Button>
        </div>
      )}
      {round.canSeeResults && <RoundResults client={client} roundId={round.id} />}
      {round.status === 'closed' && !round.canSeeResults && <Text>{t('round.resultsFor')}</Text>}
    </Card>
  );
}
