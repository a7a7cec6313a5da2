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
import { formatList, formatNumber } from '../../../i18n';
import { comparisonText } from '../messages';
import { METRICS, metricName, percent, sortTeams, type SortKey } from './metrics';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalS },
});

/** An industry's name; the ICU select's keys can't hold the ids' hyphens. */
const industryName = (industry: string) => comparisonText.text('industry', { industry: industry.replace(/-/g, '_') });

/** The table's columns, named in the reader's language (called while rendering, once the catalogue is loaded). */
const columns = (): { key: SortKey; label: string }[] => [
  { key: 'name', label: comparisonText.text('column.name') },
  { key: 'people', label: comparisonText.text('column.people') },
  ...METRICS.map((metric) => ({ key: metric as SortKey, label: metricName(metric) })),
  { key: 'score', label: comparisonText.text('column.score') },
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
  const t = comparisonText.useText();
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
      setMessage({ intent: 'success', text: t('exported') });
    } catch (error) {
      setMessage({ intent: 'error', text: t('exportFailed', { reason: whatWentWrong(error) }) });
    }
  };
  const setBenchmark = async (comparison: TeamComparison, optIn: boolean) => {
    const chosen = (industry || comparison.benchmarkSettings.industry || 'other') as (typeof INDUSTRIES)[number];
    try {
      await teamComparisonApi.setBenchmark(client, { industry: chosen, optIn });
      setMessage({ intent: 'success', text: t(optIn ? 'joinedBenchmark' : 'leftBenchmark') });
      void reload();
    } catch (error) {
      setMessage({ intent: 'error', text: t('benchmarkFailed', { reason: whatWentWrong(error) }) });
    }
  };
  const sortBy = (key: SortKey) =>
    setSort((current) => ({ key, direction: current.key === key && current.direction === 'descending' ? 'ascending' : 'descending' }));

  return (
    <main className={page.page}>
      <Title3 as="h1" className={page.heading}>
        {t('title')}
      </Title3>
      {message && (
        <MessageBar intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'loading' && <Spinner label={t('comparing')} />}
      {state.status === 'error' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('compareFailed', { reason: whatWentWrong(state.error) })}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'ready' && (
        <>
          <Caption1>
            {state.data.latestPulse
              ? t('introPulse', { pulse: state.data.latestPulse.title, threshold: state.data.threshold })
              : t('introNoPulse', { threshold: state.data.threshold })}
          </Caption1>
          <section aria-labelledby="living-the-mission">
            <Subtitle2 as="h2" id="living-the-mission">
              {t('livingHeading')}
            </Subtitle2>
            {state.data.highlights.length === 0 ? (
              <p>{t('noHighlights')}</p>
            ) : (
              <ul className={styles.list}>
                {state.data.highlights.map((highlight) => (
                  <li key={highlight.teamId}>
                    {t('standsOut', {
                      team: highlight.name,
                      figures: formatList(
                        highlight.standsOutOn.map((entry) =>
                          t('figureAgainst', { metric: t('metricInSentence', { metric: entry.metric }), value: percent(entry.value), overall: percent(entry.organisation) }),
                        ),
                      ),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="all-teams" className={styles.scroll}>
            <div className={styles.row}>
              <Subtitle2 as="h2" id="all-teams">
                {t('allTeams')}
              </Subtitle2>
              <Button onClick={() => void exportCsv()}>{t('exportCsv')}</Button>
            </div>
            <Table sortable aria-label={t('tableLabel')} size="small">
              <TableHeader>
                <TableRow>
                  {columns().map((column) => (
                    <TableHeaderCell key={column.key} sortDirection={sort.key === column.key ? sort.direction : undefined} onClick={() => sortBy(column.key)}>
                      {column.label}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {sortTeams(state.data.teams, sort.key, sort.direction).map((team) => (
                  <TableRow key={team.teamId}>
                    <TableCell dir="auto">{team.name}</TableCell>
                    <TableCell>{formatNumber(team.people)}</TableCell>
                    {METRICS.map((metric) => (
                      <TableCell key={metric}>{percent(team.values[metric])}</TableCell>
                    ))}
                    <TableCell>{percent(team.score)}</TableCell>
                  </TableRow>
                ))}
                <TableRow>
                  <TableCell>{t('wholeOrganisation')}</TableCell>
                  <TableCell>{formatNumber(state.data.teams.reduce((total, team) => total + team.people, 0))}</TableCell>
                  {METRICS.map((metric) => (
                    <TableCell key={metric}>{percent(state.data.organisation[metric])}</TableCell>
                  ))}
                  <TableCell>{t('noFigure')}</TableCell>
                </TableRow>
              </TableBody>
            </Table>
          </section>
          <ComparisonCharts comparison={state.data} />
          <section aria-labelledby="benchmark">
            <Subtitle2 as="h2" id="benchmark">
              {t('benchmarkHeading')}
            </Subtitle2>
            {state.data.benchmark ? (
              <p>
                {t('benchmarkText', {
                  companies: state.data.benchmark.companies,
                  industry: industryName(state.data.benchmark.industry),
                  lower: percent(state.data.benchmark.lowerQuartile),
                  upper: percent(state.data.benchmark.upperQuartile),
                  median: percent(state.data.benchmark.median),
                  yours: percent(state.data.benchmark.yours),
                })}
              </p>
            ) : (
              <p>{t(state.data.benchmarkSettings.optIn ? 'benchmarkWaiting' : 'benchmarkOff')}</p>
            )}
            {isAdmin && (
              <div className={styles.row}>
                <Field label={t('industryField')}>
                  <Select value={industry || state.data.benchmarkSettings.industry || 'other'} onChange={(_, data) => setIndustry(data.value)}>
                    {INDUSTRIES.map((name) => (
                      <option key={name} value={name}>
                        {industryName(name)}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Switch label={t('takePart')} checked={state.data.benchmarkSettings.optIn} onChange={(_, data) => void setBenchmark(state.data, data.checked)} />
              </div>
            )}
          </section>
        </>
      )}
    </main>
  );
}
