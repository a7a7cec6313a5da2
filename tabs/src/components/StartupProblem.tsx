import { Body1, Button, Title2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useNoticePageStyles } from './page-styles';

const useStyles = makeStyles({
  padding: { padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}` },
});

/** Teams answered but couldn't tell us who and where we are: say so and offer the one fix that helps. */
export function StartupProblem({ message }: { message: string }) {
  const styles = useStyles();
  const notice = useNoticePageStyles();
  return (
    <main className={mergeClasses(notice.page, styles.padding)}>
      <Title2 as="h1">Line of Sight couldn't start</Title2>
      <Body1 as="p">Teams didn't give the tab what it needs to show your work ({message}). Reload the tab to try again.</Body1>
      <div>
        <Button appearance="primary" onClick={() => window.location.reload()}>
          Reload
        </Button>
      </div>
    </main>
  );
}
