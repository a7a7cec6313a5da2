import { AGREEMENT_SCALE, type PulseGroupResult, type PulseResults } from '@pulse-contracts';
import { Caption1, Field, MessageBar, MessageBarBody, Select, Spinner, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { useLoaded } from '../../../app/use-loaded';
import { pulsesApi } from '../api/pulses-api';
import { DistributionChart, ShareChart } from './PulseCharts';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  pair: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fit, minmax(18rem, 1fr))', alignItems: 'start' },
  scroll: { overflowX: 'auto' },
  picker: { maxWidth: '20rem' },
});

const percent = (share: number | null) => (share === null ? 'Hidden' : `${Math.round(share * 100)}%`);
const rate = (group: PulseGroupResult) => (group.respondents === null || group.invited === 0 ? 'Hidden' : `${Math.round((100 * group.respondents) / group.invited)}%`);

/** Results of one pulse: groups (with the threshold), statements for the chosen group, the trend, comments. Chart + table side by side. */
export default function PulseResultsView({ client, pulseId }: { client: ApiClient; pulseId: string }) {
  const styles = useStyles();
  const load = useCallback((signal: AbortSignal) => pulsesApi.results(client, pulseId, signal), [client, pulseId]);
  const { state } = useLoaded(load);
  const [groupId, setGroupId] = useState('organisation');
  if (state.status === 'loading') return <Spinner label="Loading the results…" />;
  if (state.status === 'error') {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>We couldn't load the results. {whatWentWrong(state.error)}</MessageBarBody>
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
    <section className={styles.section} aria-label={`Results of ${results.pulse.title}`}>
      <Caption1>
        Groups with fewer than {results.threshold} answers are hidden, and so is any team whose figures would let someone work out a smaller group.
        {!results.answersShown && ' Answers are shown once the pulse closes; until then only how many answered.'}
      </Caption1>
      <Subtitle2 as="h3">Who answered</Subtitle2>
      <div className={styles.pair}>
        {results.answersShown && (
          <ShareChart label="Share agreeing, on average" bars={results.groups.flatMap((candidate) => (average(candidate) === null ? [] : [{ name: candidate.name, share: average(candidate)! }]))} />
        )}
        <div className={styles.scroll}>
          <Table aria-label="Answers by group" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Group</TableHeaderCell>
                <TableHeaderCell>Answered</TableHeaderCell>
                <TableHeaderCell>Asked</TableHeaderCell>
                <TableHeaderCell>Response rate</TableHeaderCell>
                <TableHeaderCell>Agreeing, on average</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {results.groups.map((candidate) => (
                <TableRow key={candidate.id}>
                  <TableCell>{candidate.name}</TableCell>
                  <TableCell>{candidate.respondents ?? `Hidden (fewer than ${results.threshold} or to protect a small group)`}</TableCell>
                  <TableCell>{candidate.invited}</TableCell>
                  <TableCell>{rate(candidate)}</TableCell>
                  <TableCell>{results.answersShown ? percent(average(candidate)) : 'After close'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </div>
      {results.answersShown && (
        <>
          {results.groups.length > 1 && (
            <Field label="Statements for" className={styles.picker}>
              <Select value={group.id} onChange={(_, data) => setGroupId(data.value)}>
                {results.groups.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <Subtitle2 as="h3">Statements: {group.name}</Subtitle2>
          {!shown ? (
            <MessageBar intent="info">
              <MessageBarBody>{group.name}: hidden to keep answers anonymous (fewer than {results.threshold} answered, or showing it would reveal a smaller group).</MessageBarBody>
            </MessageBar>
          ) : (
            <div className={styles.pair}>
              <DistributionChart rows={group.statements.map((statement) => ({ text: textOf(statement.id), distribution: statement.distribution! }))} />
              <div className={styles.scroll}>
                <Table aria-label={`Statements for ${group.name}`} size="small">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>Statement</TableHeaderCell>
                      <TableHeaderCell>Agreeing</TableHeaderCell>
                      {AGREEMENT_SCALE.map((label) => (
                        <TableHeaderCell key={label}>{label}</TableHeaderCell>
                      ))}
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {group.statements.map((statement) => (
                      <TableRow key={statement.id}>
                        <TableCell>{textOf(statement.id)}</TableCell>
                        <TableCell>{percent(statement.agreeShare)}</TableCell>
                        {statement.distribution!.map((count, index) => (
                          <TableCell key={index}>{count}</TableCell>
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
              <Subtitle2 as="h3">Trend across pulses (whole organisation)</Subtitle2>
              <div className={styles.pair}>
                <ShareChart label="Agreeing, on average, per pulse" bars={results.trend.flatMap((point) => (point.agreeShare === null ? [] : [{ name: point.title, share: point.agreeShare }]))} />
                <Table aria-label="Trend across pulses" size="small">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>Pulse</TableHeaderCell>
                      <TableHeaderCell>Closed</TableHeaderCell>
                      <TableHeaderCell>Agreeing, on average</TableHeaderCell>
                      <TableHeaderCell>Response rate</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {results.trend.map((point) => (
                      <TableRow key={point.pulseId}>
                        <TableCell>{point.title}</TableCell>
                        <TableCell>{new Date(point.closedAt).toLocaleDateString()}</TableCell>
                        <TableCell>{percent(point.agreeShare)}</TableCell>
                        <TableCell>{percent(point.responseRate)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            </>
          )}
          {group.kind === 'organisation' && (group.comments?.length ?? 0) > 0 && (
            <>
              <Subtitle2 as="h3">Comments (unattributed, in random order)</Subtitle2>
              <ul>
                {group.comments!.map((comment, index) => (
                  <li key={index}>{comment}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
