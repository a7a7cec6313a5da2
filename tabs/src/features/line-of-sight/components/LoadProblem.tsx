import { Button } from '../../../components/light-button';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '../../../components/message-bar';
import { whatWentWrong } from '../error-text';
import { homeText } from '../messages';

/** The home view couldn't load: say why in plain words and offer to try again. */
export function LoadProblem({ error, onRetry }: { error: Error; onRetry(): void }) {
  const t = homeText.useText();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t('loadFailed')}</MessageBarTitle> {whatWentWrong(error)}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" icon={<ArrowClockwiseRegular />} onClick={onRetry}>
          {t('tryAgain')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
