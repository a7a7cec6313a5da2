import { Button, Field, Input, Link, MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { SurveyResults } from '@survey-contracts';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { useLoaded } from '../../../app/use-loaded';
import { surveysApi } from '../api/surveys-api';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  scroll: { overflowX: 'auto' },
  qr: { width: '10rem', height: '10rem', backgroundColor: '#fff' },
});

const percent = (value: number | null) => (value === null ? 'Hidden (too few answers)' : `${Math.round(value * 100)}%`);

/** Leaders' customer survey waves: a public link and QR code to share, revoke, and results beside the employees'. */
export function CustomerSurveys({ client, apiBaseUrl }: { client: ApiClient; apiBaseUrl: string }) {
  const styles = useStyles();
  const load = useCallback((signal: AbortSignal) => surveysApi.list(client, signal), [client]);
  const { state, reload } = useLoaded(load);
  const [title, setTitle] = useState('How do our customers see us?');
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
        Customers’ view
      </Title3>
      <div className={styles.row}>
        <Field label="Survey wave title">
          <Input value={title} onChange={(_, data) => setTitle(data.value)} maxLength={120} />
        </Field>
        <Button onClick={() => void act(async () => `“${(await surveysApi.create(client, title)).title}” has a public link to share.`)}>Create a survey link</Button>
      </div>
      {message && (
        <MessageBar intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'loading' && <Spinner label="Loading survey waves…" />}
      {state.status === 'ready' && state.data.length > 0 && (
        <div className={styles.scroll}>
          <Table aria-label="Customer survey waves" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Wave</TableHeaderCell>
                <TableHeaderCell>Public link</TableHeaderCell>
                <TableHeaderCell>Answers</TableHeaderCell>
                <TableHeaderCell>Actions</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {state.data.map((wave) => (
                <TableRow key={wave.id}>
                  <TableCell>{wave.title}</TableCell>
                  <TableCell>{wave.status === 'open' ? <Link href={`${origin}${wave.publicPath}`} target="_blank" rel="noopener noreferrer">Open the customer page</Link> : 'Revoked'}</TableCell>
                  <TableCell>{wave.answers}</TableCell>
                  <TableCell>
                    <Button size="small" appearance="subtle" onClick={() => void surveysApi.results(client, wave.id).then(setResults, (error: unknown) => setMessage({ intent: 'error', text: whatWentWrong(error) }))}>
                      Results
                    </Button>
                    {wave.status === 'open' && (
                      <>
                        <Button size="small" appearance="subtle" onClick={() => void surveysApi.qr(client, wave.id).then(({ blob }) => setQr({ id: wave.id, url: URL.createObjectURL(blob) }))}>
                          QR code
                        </Button>
                        <Button size="small" appearance="subtle" onClick={() => void act(async () => `“${(await surveysApi.revoke(client, wave.id)).title}”: its link no longer works.`)}>
                          Revoke link
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
      {qr && <img className={styles.qr} src={qr.url} alt="QR code of the public survey link" />}
      {results && (
        <Table aria-label={`Results of ${results.wave.title}`} size="small">
          <TableBody>
            <TableRow>
              <TableCell>Customers who answered</TableCell>
              <TableCell>{results.respondents}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>Could say what we stand for</TableCell>
              <TableCell>{percent(results.couldSayShare)}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>Employees who know what we stand for ({results.employees?.pulseTitle ?? 'no closed pulse yet'})</TableCell>
              <TableCell>{percent(results.employees?.knowWhatWeStandFor ?? null)}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>How close their words are to our mission (0–100)</TableCell>
              <TableCell>{percent(results.closenessToMission)}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>How close to our differentiator (0–100)</TableCell>
              <TableCell>{percent(results.closenessToDifferentiator)}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>Consistency of our message (1–5)</TableCell>
              <TableCell>{results.consistency.mean ?? 'Hidden (too few answers)'}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>Words customers use most</TableCell>
              <TableCell>{results.commonTerms.map((term) => term.term).join(', ') || '—'}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      )}
    </section>
  );
}
