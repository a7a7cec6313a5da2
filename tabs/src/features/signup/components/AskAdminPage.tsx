import { Body1, Card, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { PeopleTeamRegular } from '@fluentui/react-icons';
import { usePageStyles } from '../../../components/page-styles';

const useStyles = makeStyles({
  card: { maxWidth: '40rem', padding: tokens.spacingHorizontalXL, gap: tokens.spacingVerticalM },
  icon: { fontSize: '32px', color: tokens.colorBrandForeground1 },
});

/** For everyone who can't sign their organisation up: what's going on, and whom to ask. */
export function AskAdminPage({ detail }: { detail: string }) {
  const page = usePageStyles();
  const styles = useStyles();
  return (
    <main className={page.page}>
      <Card className={styles.card} data-testid="ask-admin">
        <PeopleTeamRegular className={styles.icon} aria-hidden />
        <Title2 as="h1" className={page.heading}>
          Your organisation hasn't set up Line of Sight yet — ask your admin
        </Title2>
        <Body1>Line of Sight shows how your work serves your company's strategy. Someone in your organisation has to set it up first.</Body1>
        <Body1>{detail || 'Ask a Global Administrator or Teams Administrator of your organisation to open Line of Sight and set it up.'}</Body1>
        <Body1>Once they have, open Line of Sight again.</Body1>
      </Card>
    </main>
  );
}
