import { Body1, Button, MessageBar, MessageBarBody, Spinner, Subtitle2, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import type { LoadOutcome } from '../../../app/teams-session';
import { useLoaded } from '../../../app/use-loaded';
import { usePageStyles } from '../../../components/page-styles';
import { dataRightsApi, saveFile } from '../api/data-rights-api';
import { dataRightsText } from '../messages';
import { ErasePersonSection } from './ErasePersonSection';
import { TenantDeletionSection } from './TenantDeletionSection';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start', '& p': { margin: 0 } },
});

export interface DataRightsPageProps {
  client: ApiClient;
  /** The signed-in person (an Admin can't erase themselves). */
  myId?: string;
  onFirstLoad?: (outcome: LoadOutcome) => void;
}

type Message = { intent: 'success' | 'error'; text: string } | null;

/**
 * "Your data": anyone downloads what Line of Sight keeps about them; everyone sees a scheduled deletion
 * of the organisation's data and its date; Admins export everything and schedule or cancel the deletion.
 */
export default function DataRightsPage({ client, myId, onFirstLoad }: DataRightsPageProps) {
  const page = usePageStyles();
  const styles = useStyles();
  const t = dataRightsText.useText();
  const load = useCallback((signal: AbortSignal) => dataRightsApi.deletionStatus(client, signal), [client]);
  const { state, reload } = useLoaded(load, onFirstLoad);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState<'mine' | 'tenant' | null>(null);

  const download = async (which: 'mine' | 'tenant') => {
    setBusy(which);
    setMessage(null);
    try {
      const { blob, filename } = which === 'mine' ? await dataRightsApi.downloadMine(client) : await dataRightsApi.exportTenant(client);
      const name = filename ?? (which === 'mine' ? 'line-of-sight-my-data.json' : 'line-of-sight-tenant.json');
      saveFile(blob, name);
      setMessage({ intent: 'success', text: t(which === 'mine' ? 'downloadedMine' : 'downloadedTenant', { file: name }) });
    } catch (error) {
      setMessage({ intent: 'error', text: t('downloadFailed', { reason: whatWentWrong(error) }) });
    } finally {
      setBusy(null);
    }
  };

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
      <section aria-labelledby="my-data" className={styles.section}>
        <Subtitle2 as="h2" id="my-data">
          {t('myDataHeading')}
        </Subtitle2>
        <p>
          <Body1>{t('myDataText')}</Body1>
        </p>
        <Button appearance="primary" disabled={busy !== null} onClick={() => void download('mine')} icon={busy === 'mine' ? <Spinner size="tiny" /> : undefined}>
          {t('downloadMine')}
        </Button>
      </section>
      {state.status === 'loading' && <Spinner label={t('loadingSettings')} />}
      {state.status === 'error' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('settingsFailed', { reason: whatWentWrong(state.error) })}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'ready' && (
        <>
          {state.data.canManage && (
            <section aria-labelledby="tenant-export" className={styles.section}>
              <Subtitle2 as="h2" id="tenant-export">
                {t('exportHeading')}
              </Subtitle2>
              <p>
                <Body1>{t('exportText', { tenant: state.data.tenantName })}</Body1>
              </p>
              <Button disabled={busy !== null} onClick={() => void download('tenant')} icon={busy === 'tenant' ? <Spinner size="tiny" /> : undefined}>
                {t('exportEverything')}
              </Button>
            </section>
          )}
          {state.data.canManage && <ErasePersonSection client={client} myId={myId} onMessage={setMessage} />}
          <TenantDeletionSection client={client} status={state.data} onChanged={() => void reload()} onMessage={setMessage} />
        </>
      )}
    </main>
  );
}
