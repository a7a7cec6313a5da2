import { Body1, Button, Title2, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '40rem',
    margin: '0 auto',
    '& p, & h1': { margin: 0 },
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
  },
});

/** Teams answered but couldn't tell us who and where we are: say so and offer the one fix that helps. */
export function StartupProblem({ message }: { message: string }) {
  const styles = useStyles();
  return (
    <main className={styles.page}>
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
