import type { Moment } from '@contracts';
import { MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { useLoaded } from '../../../app/use-loaded';
import { MomentCard } from '../../../components/MomentCard';
import { loadMoment } from '../api/moments-api';
import { momentsText } from '../messages';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  h2: { margin: 0 },
});

/** The moment a recognition notification points to (`#/moments?moment=<id>`), shown first. */
export function NotifiedMoment({ client, momentId }: { client: ApiClient; momentId: string }) {
  const t = momentsText.useText();
  const styles = useStyles();
  const load = useCallback((signal: AbortSignal) => loadMoment(client, momentId, signal), [client, momentId]);
  const { state } = useLoaded<Moment>(load);
  if (state.status === 'loading') return <Spinner size="small" label={t('notified.opening')} />;
  if (state.status === 'error') {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{t('notified.gone', { reason: whatWentWrong(state.error) })}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <section className={styles.section} aria-labelledby="notified-heading">
      <h2 id="notified-heading" className={styles.h2}>
        {t('notified.heading')}
      </h2>
      <MomentCard moment={state.data} />
    </section>
  );
}
