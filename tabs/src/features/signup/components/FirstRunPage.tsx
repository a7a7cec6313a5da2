import { Body1, Button, Card, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Title1, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, RocketRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { usePageStyles } from '../../../components/page-styles';
import { createSignupApi } from '../api/signup-api';
import { signupText } from '../messages';
import { useSignup } from '../hooks/use-signup';
import { AskAdminPage } from './AskAdminPage';
import { SignupWizard } from './SignupWizard';

const useStyles = makeStyles({
  card: { maxWidth: '40rem', padding: tokens.spacingHorizontalXL, gap: tokens.spacingVerticalM },
  centred: { display: 'grid', placeItems: 'center', padding: tokens.spacingVerticalXXL },
});

export interface FirstRunPageProps {
  client: ApiClient;
  /** The organisation is set up (by this person now, or by someone else meanwhile): open the app. */
  onOnboarded(): void;
}

/** Shown instead of the app while the person's organisation has not set Line of Sight up. */
export default function FirstRunPage({ client, onOnboarded }: FirstRunPageProps) {
  const page = usePageStyles();
  const styles = useStyles();
  const t = signupText.useText();
  const api = useMemo(() => createSignupApi(client), [client]);
  const { state, reload, saved, start } = useSignup(api);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    if (state.kind === 'onboarded') onOnboarded();
  }, [state.kind, onOnboarded]);

  if (state.kind === 'loading' || state.kind === 'onboarded') {
    return (
      <div className={styles.centred} role="status">
        <Spinner label={t('opening')} />
      </div>
    );
  }
  if (state.kind === 'ask-admin') return <AskAdminPage detail={state.detail} />;
  if (state.kind === 'refused' || state.kind === 'error') {
    return (
      <main className={page.page}>
        <MessageBar intent={state.kind === 'refused' ? 'warning' : 'error'} layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{state.kind === 'refused' ? (state.title ?? t('refused')) : t('openFailed')}</MessageBarTitle>{' '}
            {state.kind === 'refused' ? state.detail : whatWentWrong(state.error)}
          </MessageBarBody>
          {state.kind === 'error' && (
            <MessageBarActions>
              <Button icon={<ArrowClockwiseRegular />} onClick={() => void reload()}>
                {t('tryAgain')}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      </main>
    );
  }
  if (!state.draft) {
    return (
      <main className={page.page}>
        <Card className={styles.card}>
          <Title1 as="h1" className={page.heading}>
            {t('welcome.heading')}
          </Title1>
          <Body1>{t('welcome.body')}</Body1>
          <div>
            <Button
              appearance="primary"
              icon={<RocketRegular />}
              disabled={starting}
              onClick={() => {
                setStarting(true);
                void start().finally(() => setStarting(false));
              }}
            >
              {starting ? t('welcome.starting') : t('welcome.start')}
            </Button>
          </div>
        </Card>
      </main>
    );
  }
  return <SignupWizard api={api} status={state.status} draft={state.draft} onSaved={saved} onFinished={onOnboarded} />;
}
