import { Body1, Caption1, Link, Title2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useNoticePageStyles } from './page-styles';

const useStyles = makeStyles({
  padding: { padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}` },
  steps: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalXS },
  detail: { color: tokens.colorNeutralForeground3 },
});

const isLocalMachine = ['localhost', '127.0.0.1', '[::1]'].includes(window.location.hostname);

/** Shown when no Teams host answers: the tab needs Teams to know who you are. */
export default function OutsideTeamsPage({ reason }: { reason: string }) {
  const styles = useStyles();
  const notice = useNoticePageStyles();
  return (
    <main className={mergeClasses(notice.page, styles.padding)}>
      <Title2 as="h1">Open Line of Sight in Microsoft Teams</Title2>
      <Body1 as="p">
        Line of Sight is a Microsoft Teams app. It shows how your work serves your company's strategies, and it needs Teams
        to know who you are.
      </Body1>
      <ol className={styles.steps}>
        <li>
          <Body1>Open Microsoft Teams (desktop, web or mobile).</Body1>
        </li>
        <li>
          <Body1>Select Apps, search for “Line of Sight”, and open it.</Body1>
        </li>
      </ol>
      {isLocalMachine && (
        <Body1 as="p">
          Running it on your machine? <Link href="/">Open the local Teams host page</Link>, which plays Teams for the tab.
        </Body1>
      )}
      <Caption1 as="p" className={styles.detail}>
        Details: {reason}
      </Caption1>
    </main>
  );
}
