import { Button, Caption1, Field, MessageBar, MessageBarBody, Select, Spinner, Subtitle2, Switch, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { INDUSTRIES, type TeamComparison } from '@pulse-contracts';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import type { LoadOutcome } from '../../../app/teams-session';
import { useLoaded } from '../../../app/use-loaded';
import { usePageStyles } from '../../../components/page-styles';
import { teamComparisonApi } from '../api/team-comparison-api';
import { ComparisonCharts } from './ComparisonCharts';
import { METRIC_NAMES, METRICS, percent, sortTeams, type SortKey } from './metrics';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalS },
});

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Team' },
  { key: 'people', label: 'People' },
  ...METRICS.map((metric) => ({ key: metric as SortKey, label: METRIC_NAMES[metric] })),
  { key: 'score', label: 'Overall' },
];

export interface TeamComparisonPageProps {
  client: ApiClient;
  isAdmin: boolean;
  onFirstLoad?: (outcome: LoadOutcome) => void;
}

/** Leaders compare teams (never people): a sortable table, charts, the teams that live the mission most, the opt-in benchmark. */
export default function TeamComparisonPage({ client, isAdmin, onFirstLoad }: TeamComparisonPageProps) {
  const page = usePageStyles();
  const styles = useStyles();
  const load = useCallback((signal: AbortSignal) => teamComparisonApi.load(client, signal), [client]);
  const { state, reload } = useLoaded(load, onFirstLoad);
  const [sort, setSort] = useState<{ key: SortKey; direction: 'ascending' | 'descending' }>({ key: 'score', direction: 'descending' });
  const [industry, setIndustry] = useState<string>('');
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  const exportCsv = async () => {
    try {
      const { blob, filename } = await teamComparisonApi.exportCsv(client);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = filename ?? 'teams-compared.csv';
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      setMessage({ intent: 'success', text: 'The CSV (team figures only) is downloaded.' });
    } catch (error) {
      setMessage({ intent: 'error', text: `We couldn't export the CSV. ${whatWentWrong(error)}` });
    }
  };
  const setBenchmark = async (comparison: TeamComparison, optIn: boolean) => {
    const chosen = (industry || comparison.benchmarkSettings.industry || 'other') as (typeof INDUSTRIES)[number];
    try {
      await teamComparisonApi.setBenchmark(client, { industry: chosen, optIn });
      setMessage({ intent: 'success', text: optIn ? 'You take part in the industry benchmark.' : 'You left the benchmark; your figure no longer counts.' });
      void reload();
    } catch (error) {
      setMessage({ intent: 'error', text: `We couldn't change the benchmark setting. ${whatWentWrong(error)}` });
    }
  };
  const sortBy = (key: SortKey) =>
    setSort((current) => ({ key, direction: current.key === key && current.direction === 'descending' ? 'ascending' : 'descending' }));

  return (
    <main className={page.page}>
      <Title3 as="h1" className={page.heading}>
        Teams compared
      </Title3>
      {message && (
        <MessageBar intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'loading' && <Spinner label="Comparing teams…" />}
      {state.status === 'error' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>We couldn't compare the teams. {whatWentWrong(state.error)}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'ready' && (
        <>
          <Caption1>
            Teams only, never people. Pulse figures come from {state.data.latestPulse ? `“${state.data.latestPulse.title}”` : 'the latest closed pulse (none yet)'} and are hidden (—) for groups below {state.data.threshold} answers.
          </Caption1>
          <section aria-labelledby="living-the-mission">
            <Subtitle2 as="h2" id="living-the-mission">
              Living the mission most
            </Subtitle2>
            {state.data.highlights.length === 0 ? (
              <p>No team stands clearly above the organisation yet.</p>
            ) : (
              <ul className={styles.list}>
                {state.data.highlights.map((highlight) => (
                  <li key={highlight.teamId}>
                    <strong>{highlight.name}</strong> stands out on{' '}
                    {highlight.standsOutOn.map((entry) => `${METRIC_NAMES[entry.metric].toLowerCase()} (${percent(entry.value)} against ${percent(entry.organisation)} overall)`).join('; ')}.
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="all-teams" className={styles.scroll}>
            <div className={styles.row}>
              <Subtitle2 as="h2" id="all-teams">
                All teams
              </Subtitle2>
              <Button onClick={() => void exportCsv()}>Export CSV</Button>
            </div>
            <Table sortable aria-label="Teams compared" size="small">
              <TableHeader>
                <TableRow>
                  {COLUMNS.map((column) => (
                    <TableHeaderCell key={column.key} sortDirection={sort.key === column.key ? sort.direction : undefined} onClick={() => sortBy(column.key)}>
                      {column.label}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {sortTeams(state.data.teams, sort.key, sort.direction).map((team) => (
                  <TableRow key={team.teamId}>
                    <TableCell>{team.name}</TableCell>
                    <TableCell>{team.people}</TableCell>
                    {METRICS.map((metric) => (
                      <TableCell key={metric}>{percent(team.values[metric])}</TableCell>
                    ))}
                    <TableCell>{percent(team.score)}</TableCell>
                  </TableRow>
                ))}
                <TableRow>
                  <TableCell>Whole organisation</TableCell>
                  <TableCell>{state.data.teams.reduce((total, team) => total + team.people, 0)}</TableCell>
                  {METRICS.map((metric) => (
                    <TableCell key={metric}>{percent(state.data.organisation[metric])}</TableCell>
                  ))}
                  <TableCell>—</TableCell>
                </TableRow>
              </TableBody>
            </Table>
          </section>
          <ComparisonCharts comparison={state.data} />
          <section aria-labelledby="benchmark">
            <Subtitle2 as="h2" id="benchmark">
              Industry benchmark
            </Subtitle2>
            {state.data.benchmark ? (
              <p>
                Among {state.data.benchmark.companies} other {state.data.benchmark.industry} companies, the share agreeing runs from {percent(state.data.benchmark.lowerQuartile)} to{' '}
                {percent(state.data.benchmark.upperQuartile)} (middle half), median {percent(state.data.benchmark.median)}. Yours: {percent(state.data.benchmark.yours)}.
              </p>
            ) : (
              <p>{state.data.benchmarkSettings.optIn ? 'Shown once at least 5 other companies of your industry take part.' : 'Not taking part.'} No company is ever named.</p>
            )}
            {isAdmin && (
              <div className={styles.row}>
                <Field label="Industry">
                  <Select value={industry || state.data.benchmarkSettings.industry || 'other'} onChange={(_, data) => setIndustry(data.value)}>
                    {INDUSTRIES.map((name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Switch label="Take part in the benchmark" checked={state.data.benchmarkSettings.optIn} onChange={(_, data) => void setBenchmark(state.data, data.checked)} />
              </div>
            )}
          </section>
        </>
      )}
    </main>
  );
}
