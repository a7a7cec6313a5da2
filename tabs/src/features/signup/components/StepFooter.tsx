import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { signupText } from '../messages';

/** The end of every wizard step's form: what went wrong, if anything, and the step's one action. */
export function StepFooter({ error, busy }: { error: string | undefined | null; busy: boolean }) {
  const t = signupText.useText();
  return (
    <>
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? t('saving') : t('saveAndContinue')}
        </Button>
      </div>
    </>
  );
}
