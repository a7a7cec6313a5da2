import { Body1, Card, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { PeopleTeamRegular } from '@fluentui/react-icons';
import { usePageStyles } from '../../../components/page-styles';
import { signupText } from '../messages';

const useStyles = makeStyles({
  card: { maxWidth: '40rem', padding: tokens.spacingHorizontalXL, gap: tokens.spacingVerticalM },
  icon: { fontSize: '32px', color: tokens.colorBrandForeground1 },
});

/** For everyone who can't sign their organisation up: what's going on, and whom to ask. */
export function AskAdminPage({ detail }: { detail: string }) {
  const page = usePageStyles();
  const styles = useStyles();
  const t = signupText.useText();
  return (
    <main className={page.page}>
      <Card className={styles.card} data-testid="ask-admin">
        <PeopleTeamRegular className={styles.icon} aria-hidden />
        <Title2 as="h1" className={page.heading}>
          {t('askAdmin.heading')}
        </Title2>
        <Body1>{t('askAdmin.why')}</Body1>
        <Body1>{detail || t('askAdmin.who')}</Body1>
        <Body1>{t('askAdmin.again')}</Body1>
      </Card>
    </main>
  );
}
