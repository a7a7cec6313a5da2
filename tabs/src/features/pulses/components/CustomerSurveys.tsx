import { Button, Field, Input, Link, MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { SurveyResults } from '@survey-contracts';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { useLoaded } from '../../../app/use-loaded';
import { formatList, formatNumber } from '../../../i18n';
import { surveysApi } from '../api/surveys-api';
import { pulsesText } from '../messages';
import { meanText, shareText } from '../pulse-text';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  scroll: { overflowX: 'auto' },
  qr: { width: '10rem', height: '10rem', backgroundColor: '#fff' },
});

const percent = (value: number | null) => shareText(value, 'surveys.tooFew');

/** Leaders' customer survey waves: a public link and QR code to share, revoke, and results beside the employees'. */
export function CustomerSurveys({ client, apiBaseUrl }: { client: ApiClient; apiBaseUrl: string }) {
  const styles = useStyles();
  const t = pulsesText.useText();
  const load = useCallback((signal: AbortSignal) => surveysApi.list(client, signal), [client]);
  const { state, reload } = useLoaded(load);
  const [title, setTitle] = useState(() => pulsesText.text('surveys.defaultWaveTitle'));
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [results, setResults] = useState<SurveyResults | null>(null);
  const [qr, setQr] = useState<{ id: string; url: string } | null>(null);
  const act = async (action: () => Promise<string>) => {
    try {
      setMessage({ intent: 'success', text: await action() });
      void reload();
    } catch (error) {
      setMessage({ intent: 'error', text: whatWentWrong(error) });
    }
  };
  const origin = new URL(apiBaseUrl || window.location.origin, window.location.href).origin;

  return (
    <section className={styles.section} aria-labelledby="customer-surveys">
      <Title3 as="h2" id="customer-surveys">
        {t('surveys.heading')}
      </Title3>
      <div className={styles.row}>
        <Field label={t('surveys.waveTitle')}>
          <Input dir="auto" value={title} onChange={(_, data) => setTitle(data.value)} maxLength={120} />
        </Field>
        <Button onClick={() => void act(async () => t('surveys.created', { title: (await surveysApi.create(client, title)).title }))}>{t('surveys.create')}</Button>
      </div>
      {message && (
        <MessageBar intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'loading' && <Spinner label={t('surveys.loading')} />}
      {state.status === 'ready' && state.data.length > 0 && (
        <div className={styles.scroll}>
          <Table aria-label={t('surveys.table')} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('col.wave')}</TableHeaderCell>
                <TableHeaderCell>{t('col.publicLink')}</TableHeaderCell>
                <TableHeaderCell>{t('col.answers')}</TableHeaderCell>
                <TableHeaderCell>{t('col.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {state.data.map((wave) => (
                <TableRow key={wave.id}>
                  <TableCell dir="auto">{wave.title}</TableCell>
                  <TableCell>{wave.status === 'open' ? <Link href={`${origin}${wave.publicPath}`} target="_blank" rel="noopener noreferrer">{t('surveys.openPage')}</Link> : t('surveys.revokedStatus')}</TableCell>
                  <TableCell>{formatNumber(wave.answers)}</TableCell>
                  <TableCell>
                    <Button size="small" appearance="subtle" onClick={() => void surveysApi.results(client, wave.id).then(setResults, (error: unknown) => setMessage({ intent: 'error', text: whatWentWrong(error) }))}>
                      {t('results')}
                    </Button>
                    {wave.status === 'open' && (
                      <>
                        <Button size="small" appearance="subtle" onClick={() => void surveysApi.qr(client, wave.id).then(({ blob }) => setQr({ id: wave.id, url: URL.createObjectURL(blob) }))}>
                          {t('surveys.qr')}
                        </Button>
                        <Button size="small" appearance="subtle" onClick={() => void act(async () => t('surveys.revoked', { title: (await surveysApi.revoke(client, wave.id)).title }))}>
                          {t('surveys.revoke')}
                        </Button>
                      </>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {qr && <img className={styles.qr} src={qr.url} alt={t('surveys.qrAlt')} />}
      {results && (
        <Table aria-label={t('resultsOf', { title: results.wave.title })} size="small">
          <TableBody>
            <TableRow>
              <TableCell>{t('surveys.customersAnswered')}</TableCell>
              <TableCell>{formatNumber(results.respondents)}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>{t('surveys.couldSay')}</TableCell>
              <TableCell>{percent(results.couldSayShare)}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>{results.employees ? t('surveys.employeesKnow', { pulse: results.employees.pulseTitle }) : t('surveys.employeesKnowNoPulse')}</TableCell>
              <TableCell>{percent(results.employees?.knowWhatWeStandFor ?? null)}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>{t('surveys.closenessMission')}</TableCell>
              <TableCell>{percent(results.closenessToMission)}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>{t('surveys.closenessDifferentiator')}</TableCell>
              <TableCell>{percent(results.closenessToDifferentiator)}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>{t('surveys.consistency')}</TableCell>
              <TableCell>{meanText(results.consistency.mean)}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>{t('surveys.commonWords')}</TableCell>
              <TableCell dir="auto">{results.commonTerms.length > 0 ? formatList(results.commonTerms.map((term) => term.term), 'unit') : t('surveys.none')}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      )}
    </section>
  );
}
