import type { PulseGroupResult, PulseResults } from '@pulse-contracts';
import { Caption1, Field, MessageBar, MessageBarBody, Select, Spinner, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { useLoaded } from '../../../app/use-loaded';
import { formatDate, formatNumber } from '../../../i18n';
import { pulsesApi } from '../api/pulses-api';
import { pulsesText } from '../messages';
import { agreementScale, responseRateText, shareText } from '../pulse-text';
import { DistributionChart, ShareChart } from './PulseCharts';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  pair: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fit, minmax(18rem, 1fr))', alignItems: 'start' },
  scroll: { overflowX: 'auto' },
  picker: { maxWidth: '20rem' },
});


/** Results of one pulse: groups (with the threshold), statements for the chosen group, the trend, comments. Chart + table side by side. */
export default function PulseResultsView({ client, pulseId }: { client: ApiClient; pulseId: string }) {
  const styles = useStyles();
  const t = pulsesText.useText();
  const load = useCallback((signal: AbortSignal) => pulsesApi.results(client, pulseId, signal), [client, pulseId]);
  const { state } = useLoaded(load);
  const [groupId, setGroupId] = useState('organisation');
  if (state.status === 'loading') return <Spinner label={t('loadingResults')} />;
  if (state.status === 'error') {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{t('results.loadFailed', { reason: whatWentWrong(state.error) })}</MessageBarBody>
      </MessageBar>
    );
  }
  const results: PulseResults = state.data;
  const group = results.groups.find((candidate) => candidate.id === groupId) ?? results.groups[0]!;
  const shown = group.statements.every((statement) => statement.distribution !== null);
  const textOf = (id: string) => results.pulse.statements.find((statement) => statement.id === id)?.text ?? id;
  const average = (candidate: PulseGroupResult) => {
    const shares = candidate.statements.flatMap((statement) => (statement.agreeShare === null ? [] : [statement.agreeShare]));
    return shares.length < candidate.statements.length || shares.length === 0 ? null : shares.reduce((sum, share) => sum + share, 0) / shares.length;
  };

  return (
    <section className={styles.section} aria-label={t('resultsOf', { title: results.pulse.title })}>
      <Caption1>
        {t('results.threshold', { threshold: results.threshold })}
        {!results.answersShown && ` ${t('results.afterCloseNote')}`}
      </Caption1>
      <Subtitle2 as="h3">{t('results.whoAnswered')}</Subtitle2>
      <div className={styles.pair}>
        {results.answersShown && (
          <ShareChart label={t('results.shareAgreeing')} bars={results.groups.flatMap((candidate) => (average(candidate) === null ? [] : [{ name: candidate.name, share: average(candidate)! }]))} />
        )}
        <div className={styles.scroll}>
          <Table aria-label={t('results.byGroup')} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('col.group')}</TableHeaderCell>
                <TableHeaderCell>{t('col.answered')}</TableHeaderCell>
                <TableHeaderCell>{t('col.asked')}</TableHeaderCell>
                <TableHeaderCell>{t('col.responseRate')}</TableHeaderCell>
                <TableHeaderCell>{t('col.agreeingAverage')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {results.groups.map((candidate) => (
                <TableRow key={candidate.id}>
                  <TableCell dir="auto">{candidate.name}</TableCell>
                  <TableCell>{candidate.respondents === null ? t('results.hiddenRespondents', { threshold: results.threshold }) : formatNumber(candidate.respondents)}</TableCell>
                  <TableCell>{formatNumber(candidate.invited)}</TableCell>
                  <TableCell>{responseRateText(candidate.respondents, candidate.invited)}</TableCell>
                  <TableCell>{results.answersShown ? shareText(average(candidate)) : t('results.afterClose')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </div>
      {results.answersShown && (
        <>
          {results.groups.length > 1 && (
            <Field label={t('results.statementsFor')} className={styles.picker}>
              <Select value={group.id} onChange={(_, data) => setGroupId(data.value)}>
                {results.groups.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <Subtitle2 as="h3">{t('results.statementsHeading', { group: group.name })}</Subtitle2>
          {!shown ? (
            <MessageBar intent="info">
              <MessageBarBody>{t('results.groupHidden', { group: group.name, threshold: results.threshold })}</MessageBarBody>
            </MessageBar>
          ) : (
            <div className={styles.pair}>
              <DistributionChart rows={group.statements.map((statement) => ({ text: textOf(statement.id), distribution: statement.distribution! }))} scale={agreementScale()} />
              <div className={styles.scroll}>
                <Table aria-label={t('results.statementsTable', { group: group.name })} size="small">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{t('col.statement')}</TableHeaderCell>
                      <TableHeaderCell>{t('col.agreeing')}</TableHeaderCell>
                      {agreementScale().map((label) => (
                        <TableHeaderCell key={label}>{label}</TableHeaderCell>
                      ))}
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {group.statements.map((statement) => (
                      <TableRow key={statement.id}>
                        <TableCell dir="auto">{textOf(statement.id)}</TableCell>
                        <TableCell>{shareText(statement.agreeShare)}</TableCell>
                        {statement.distribution!.map((count, index) => (
                          <TableCell key={index}>{formatNumber(count)}</TableCell>
                        ))}
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            </div>
          )}
          {results.trend.length > 1 && (
            <>
              <Subtitle2 as="h3">{t('results.trend')}</Subtitle2>
              <div className={styles.pair}>
                <ShareChart label={t('results.trendChart')} bars={results.trend.flatMap((point) => (point.agreeShare === null ? [] : [{ name: point.title, share: point.agreeShare }]))} />
                <Table aria-label={t('results.trendTable')} size="small">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{t('col.pulse')}</TableHeaderCell>
                      <TableHeaderCell>{t('col.closed')}</TableHeaderCell>
                      <TableHeaderCell>{t('col.agreeingAverage')}</TableHeaderCell>
                      <TableHeaderCell>{t('col.responseRate')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {results.trend.map((point) => (
                      <TableRow key={point.pulseId}>
                        <TableCell dir="auto">{point.title}</TableCell>
                        <TableCell>{formatDate(point.closedAt)}</TableCell>
                        <TableCell>{shareText(point.agreeShare)}</TableCell>
                        <TableCell>{shareText(point.responseRate)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            </>
          )}
          {group.kind === 'organisation' && (group.comments?.length ?? 0) > 0 && (
            <>
              <Subtitle2 as="h3">{t('results.comments')}</Subtitle2>
              <ul>
                {group.comments!.map((comment, index) => (
                  <li key={index} dir="auto">
                    {comment}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
