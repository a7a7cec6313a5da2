import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Button } from './light-button';
import { Body1, Title2 } from './light-text';
import { startupText } from './startup/messages';
import { useNoticePageStyles } from './page-styles';

const useStyles = makeStyles({
  padding: { padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}` },
});

/** Teams answered but couldn't tell us who and where we are: say so and offer the one fix that helps. */
export function StartupProblem({ message }: { message: string }) {
  const styles = useStyles();
  const notice = useNoticePageStyles();
  const t = startupText.useText();
  return (
    <main className={mergeClasses(notice.page, styles.padding)}>
      <Title2 as="h1">{t('title')}</Title2>
      <Body1 as="p">{t('body', { message })}</Body1>
      <div>
        <Button appearance="primary" onClick={() => window.location.reload()}>
          {t('reload')}
        </Button>
      </div>
    </main>
  );
}
