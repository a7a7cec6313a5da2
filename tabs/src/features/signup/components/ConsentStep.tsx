import { Body1, Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, ShieldCheckmarkRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { openAuthenticationWindow } from '../consent-window';
import { useStepAction } from '../hooks/use-step-action';
import { formatList } from '../../../i18n';
import { signupText } from '../messages';
import type { StepProps } from './SignupWizard';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The consent-complete page, next to the tab (its address is a reply URL of the app registration). */
const consentPage = () => new URL('consent-complete.html', window.location.href).href;

/** Step 1: an administrator grants the app's Microsoft 365 permissions, then the app checks they were granted. */
export function ConsentStep({ api, draft, onSaved, onNext, permissions }: StepProps & { permissions: { name: string; why: string }[] }) {
  const styles = useStyles();
  const t = signupText.useText();
  const { busy, error, run } = useStepAction((current) => onSaved(current, signupText.text('stale')));
  const [windowProblem, setWindowProblem] = useState<string | null>(null);
  const { consent } = draft;

  const check = () =>
    run(async () => {
      const result = await api.checkConsent();
      onSaved(result.draft, t(result.consent.state === 'granted' ? 'consent.announceGranted' : 'consent.announceNotGranted'));
      return result;
    });

  const grant = () =>
    run(async () => {
      setWindowProblem(null);
      const link = await api.consentLink(consentPage());
      const start = new URL('consent-start.html', window.location.href);
      start.searchParams.set('to', link.url);
      try {
        const returned = JSON.parse(await openAuthenticationWindow(start.href)) as { state?: string };
        // The answer must come from the consent round trip we started, not from some other window.
        if (returned.state !== link.state) setWindowProblem(t('consent.otherRequest'));
      } catch (reason) {
        setWindowProblem(reason instanceof Error && reason.message !== 'CancelledByUser' ? reason.message : t('consent.windowClosed'));
      }
      return check();
    });

  return (
    <>
      <Body1>{t('consent.intro')}</Body1>
      <ul className={styles.list}>
        {permissions.map((permission) => (
          <li key={permission.name}>
            <strong>{permission.name}</strong>: {permission.why}
          </li>
        ))}
      </ul>
      {consent.state === 'granted' && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>{t('consent.grantedTitle')}</MessageBarTitle> {t('consent.grantedBody')}
          </MessageBarBody>
        </MessageBar>
      )}
      {consent.state === 'not_consented' && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t('consent.notGrantedTitle')}</MessageBarTitle> {t('consent.notGrantedBody')}
          </MessageBarBody>
        </MessageBar>
      )}
      {consent.state === 'missing_permissions' && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t('consent.missingTitle')}</MessageBarTitle> {t('consent.missingBody', { permissions: formatList(consent.missing, 'unit') })}
          </MessageBarBody>
        </MessageBar>
      )}
      {(windowProblem ?? error) && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error ?? windowProblem}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        {consent.state !== 'granted' && (
          <Button appearance="primary" icon={<ShieldCheckmarkRegular />} disabled={busy} onClick={() => void grant()}>
            {busy ? t('consent.waiting') : t('consent.grant')}
          </Button>
        )}
        <Button icon={<ArrowClockwiseRegular />} disabled={busy} onClick={() => void check()}>
          {t('consent.check')}
        </Button>
        {consent.state === 'granted' && (
          <Button appearance="primary" onClick={onNext}>
            {t('consent.next')}
          </Button>
        )}
      </div>
    </>
  );
}
