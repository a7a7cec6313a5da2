import { Button } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '../../../components/message-bar';
import { whatWentWrong } from '../error-text';

/** The home view couldn't load: say why in plain words and offer to try again. */
export function LoadProblem({ error, onRetry }: { error: Error; onRetry(): void }) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>We couldn't load your line of sight.</MessageBarTitle> {whatWentWrong(error)}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" icon={<ArrowClockwiseRegular />} onClick={onRetry}>
          Try again
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
