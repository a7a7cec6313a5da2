import { Body1, Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkRegular } from '@fluentui/react-icons';
import { firstOpenStep } from '../wizard-steps';
import type { StepProps } from './SignupWizard';
import { useStepAction } from '../hooks/use-step-action';

const useStyles = makeStyles({
  summary: { margin: 0, display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, '& dd': { margin: 0 } },
});

/** Step 6: what will be set up, and the button that sets it up. */
export function FinishStep({ api, draft, onSaved, onFinished, goTo }: StepProps & { onFinished(): void; goTo(step: number): void }) {
  const styles = useStyles();
  const { busy, error, run } = useStepAction((current) => onSaved(current, 'The set-up changed meanwhile; showing the latest.'));
  const open = firstOpenStep(draft);
  const ready = draft.consent.state === 'granted' && Boolean(draft.companyName) && Boolean(draft.statement) && draft.strategies.length > 0;

  const finish = async () => {
    const done = await run(() => api.finish(draft.etag));
    if (done) onFinished();
  };

  return (
    <>
      <dl className={styles.summary}>
        <dt>Permissions</dt>
        <dd>{draft.consent.state === 'granted' ? 'Granted' : 'Not granted yet'}</dd>
        <dt>Company</dt>
        <dd>{draft.companyName ?? 'Not named yet'}</dd>
        <dt>Vision</dt>
        <dd>{draft.statement?.vision ?? 'Not written yet'}</dd>
        <dt>Strategies</dt>
        <dd>{draft.strategies.map((s) => s.title).join(', ') || 'None yet'}</dd>
        <dt>Teams</dt>
        <dd>{draft.teams.map((t) => t.displayName).join(', ') || 'None (add them later)'}</dd>
      </dl>
      {!ready && (
        <MessageBar intent="warning">
          <MessageBarBody>
            A step is not done yet.{' '}
            <Button appearance="transparent" size="small" onClick={() => goTo(open)}>
              Go to it
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <Body1>Finishing sets Line of Sight up for everyone in {draft.companyName ?? 'your organisation'}; you become its first Admin.</Body1>
      <div>
        <Button appearance="primary" icon={<CheckmarkRegular />} disabled={busy || !ready} onClick={() => void finish()}>
          {busy ? 'Setting up…' : 'Finish and open Line of Sight'}
        </Button>
      </div>
    </>
  );
}
