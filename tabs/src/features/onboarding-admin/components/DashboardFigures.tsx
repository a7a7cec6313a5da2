import { Body1, Caption1, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import type { Dashboard } from '../../../../../api/src/shared/onboarding-cohort-contracts';
import { percent } from '../format';
import { CompletionChart, FUNNEL } from './CompletionChart';
import { DashboardPeopleTable } from './DashboardPeopleTable';

const useStyles = makeStyles({
  figures: { display: 'grid', gap: tokens.spacingVerticalL, minWidth: 0 },
  tiles: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(9rem, 1fr))', gap: tokens.spacingHorizontalS, margin: 0 },
  tile: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  number: { margin: 0, fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700 },
  heading: { margin: 0 },
  wrap: { overflowX: 'auto' },
});

const NAMES_SHOWN = 20;

/** Whose "assigned" notification is still to go, and whose failed: the drain works through the rest. */
function notificationText(dashboard: Dashboard): string | null {
  const named = dashboard.people.filter((person) => person.notification === 'queued').map((person) => person.displayName);
  const parts: string[] = [];
  if (dashboard.queued > 0) {
    const shown = named.slice(0, NAMES_SHOWN);
    const more = dashboard.queued - shown.length;
    const who = shown.length > 0 ? `: ${shown.join(', ')}${more > 0 ? `, and ${more} more` : ''}` : '';
    parts.push(`Still queued for ${dashboard.queued === 1 ? '1 person' : `${dashboard.queued} people`}${who}.`);
  }
  if (dashboard.notificationFailed > 0) parts.push(`Failed for ${dashboard.notificationFailed === 1 ? '1 person' : `${dashboard.notificationFailed} people`}: see Failed notifications.`);
  return parts.length > 0 ? `Teams notifications: ${parts.join(' ')}` : null;
}

/** People behind who are counted, not named: the viewer is not their team's leader. */
function hiddenBehindText(hidden: number, named: number): string {
  const people = hidden === 1 ? '1 person' : `${hidden} people`;
  return `${named > 0 ? `${people} more` : people} behind ${hidden === 1 ? 'is' : 'are'} not named here: only their team’s leaders see who.`;
}

export function DashboardFigures({ dashboard }: { dashboard: Dashboard }) {
  const styles = useStyles();
  return (
    <div className={styles.figures}>
      {dashboard.assigned === 0 && <Body1 as="p">Nobody in {dashboard.cohortName} has this module yet. Assign it from Cohorts.</Body1>}
      <dl className={styles.tiles} aria-label="Completion figures">
        {FUNNEL.map(([key, label]) => (
          <div key={key} className={styles.tile}>
            <dt>
              <Caption1>{label}</Caption1>
            </dt>
            <dd className={styles.number}>{dashboard[key]}</dd>
          </div>
        ))}
      </dl>
      {notificationText(dashboard) && <Body1 as="p">{notificationText(dashboard)}</Body1>}
      <CompletionChart dashboard={dashboard} />

      <Subtitle2 as="h2" className={styles.heading}>
        Knowledge checks: right first time
      </Subtitle2>
      {dashboard.questions.length === 0 ? (
        <Body1 as="p">This module has no knowledge checks.</Body1>
      ) : (
        <div className={styles.wrap}>
          <Table size="small" aria-label="Right first time, per question">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Question</TableHeaderCell>
                <TableHeaderCell>Answered</TableHeaderCell>
                <TableHeaderCell>Right first time</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {dashboard.questions.map((question) => (
                <TableRow key={question.questionId}>
                  <TableCell>{question.prompt}</TableCell>
                  <TableCell>{question.answered}</TableCell>
                  <TableCell>{percent(question.firstTryCorrectRate)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      <Subtitle2 as="h2" className={styles.heading}>
        People behind
      </Subtitle2>
      {dashboard.hiddenPeopleBehind > 0 && (
        <Body1 as="p">{hiddenBehindText(dashboard.hiddenPeopleBehind, dashboard.peopleBehind.length)}</Body1>
      )}
      {dashboard.peopleBehind.length === 0 ? (
        dashboard.hiddenPeopleBehind === 0 && <Body1 as="p">Nobody is behind.</Body1>
      ) : (
        <DashboardPeopleTable people={dashboard.peopleBehind} label="People behind" showNotification />
      )}
    </div>
  );
}
