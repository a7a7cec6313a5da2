import { Body1, Caption1, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import type { Dashboard } from '../../../../../api/src/shared/onboarding-cohort-contracts';
import { formatList, formatNumber } from '../../../i18n';
import { percent } from '../format';
import { CompletionChart, FUNNEL } from './CompletionChart';
import { adminText } from '../messages';

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
  const t = adminText.text;
  const named = dashboard.people.filter((person) => person.notification === 'queued').map((person) => person.displayName);
  const sentences: string[] = [];
  if (dashboard.queued > 0) {
    const shown = named.slice(0, NAMES_SHOWN);
    const more = dashboard.queued - shown.length;
    const names = formatList(more > 0 ? [...shown, t('notify.more', { count: more })] : shown);
    sentences.push(shown.length > 0 ? t('notify.queuedNamed', { count: dashboard.queued, names }) : t('notify.queued', { count: dashboard.queued }));
  }
  if (dashboard.notificationFailed > 0) sentences.push(t('notify.failed', { count: dashboard.notificationFailed }));
  return sentences.length > 0 ? sentences.join(' ') : null;
}

export function DashboardFigures({ dashboard }: { dashboard: Dashboard }) {
  const t = adminText.useText();
  const styles = useStyles();
  return (
    <div className={styles.figures}>
      {dashboard.assigned === 0 && <Body1 as="p">{t('figures.nobody', { cohort: dashboard.cohortName })}</Body1>}
      <dl className={styles.tiles} aria-label={t('figures.label')}>
        {FUNNEL.map((key) => (
          <div key={key} className={styles.tile}>
            <dt>
              <Caption1>{t(`funnel.${key}`)}</Caption1>
            </dt>
            <dd className={styles.number}>{formatNumber(dashboard[key])}</dd>
          </div>
        ))}
      </dl>
      {notificationText(dashboard) && <Body1 as="p">{notificationText(dashboard)}</Body1>}
      <CompletionChart dashboard={dashboard} />

      <Subtitle2 as="h2" className={styles.heading}>
        {t('checks.heading')}
      </Subtitle2>
      {dashboard.questions.length === 0 ? (
        <Body1 as="p">{t('checks.none')}</Body1>
      ) : (
        <div className={styles.wrap}>
          <Table size="small" aria-label={t('checks.table')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('checks.question')}</TableHeaderCell>
                <TableHeaderCell>{t('checks.answered')}</TableHeaderCell>
                <TableHeaderCell>{t('checks.rightFirstTime')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {dashboard.questions.map((question) => (
                <TableRow key={question.questionId}>
                  <TableCell dir="auto">{question.prompt}</TableCell>
                  <TableCell>{formatNumber(question.answered)}</TableCell>
                  <TableCell>{percent(question.firstTryCorrectRate)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
