import { Body1, Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkRegular } from '@fluentui/react-icons';
import { firstOpenStep } from '../wizard-steps';
import type { StepProps } from './SignupWizard';
import { useStepAction } from '../hooks/use-step-action';
import { formatList } from '../../../i18n';
import { signupText } from '../messages';

const useStyles = makeStyles({
  summary: { margin: 0, display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, '& dd': { margin: 0 } },
});

/** Step 6: what will be set up, and the button that sets it up. */
export function FinishStep({ api, draft, onSaved, onFinished, goTo }: StepProps & { onFinished(): void; goTo(step: number): void }) {
  const styles = useStyles();
  const t = signupText.useText();
  const { busy, error, run } = useStepAction((current) => onSaved(current, signupText.text('stale')));
  const open = firstOpenStep(draft);
  const ready = draft.consent.state === 'granted' && Boolean(draft.companyName) && Boolean(draft.statement) && draft.strategies.length > 0;

  const finish = async () => {
    const done = await run(() => api.finish(draft.etag));
    if (done) onFinished();
  };

  return (
    <>
      <dl className={styles.summary}>
        <dt>{t('finish.permissions')}</dt>
        <dd>{draft.consent.state === 'granted' ? t('finish.granted') : t('finish.notGranted')}</dd>
        <dt>{t('finish.company')}</dt>
        <dd dir="auto">{draft.companyName ?? t('finish.notNamed')}</dd>
        <dt>{t('finish.vision')}</dt>
        <dd dir="auto">{draft.statement?.vision ?? t('finish.notWritten')}</dd>
        <dt>{t('finish.strategies')}</dt>
        <dd dir="auto">{draft.strategies.length > 0 ? formatList(draft.strategies.map((s) => s.title), 'unit') : t('finish.noStrategies')}</dd>
        <dt>{t('finish.teams')}</dt>
        <dd dir="auto">{draft.teams.length > 0 ? formatList(draft.teams.map((team) => team.displayName), 'unit') : t('finish.noTeams')}</dd>
      </dl>
      {!ready && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t('finish.notDone')}{' '}
            <Button appearance="transparent" size="small" onClick={() => goTo(open)}>
              {t('finish.goToIt')}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <Body1>{draft.companyName ? t('finish.explain', { company: draft.companyName }) : t('finish.explainUnnamed')}</Body1>
      <div>
        <Button appearance="primary" icon={<CheckmarkRegular />} disabled={busy || !ready} onClick={() => void finish()}>
          {busy ? t('finish.settingUp') : t('finish.finish')}
        </Button>
      </div>
    </>
  );
}
