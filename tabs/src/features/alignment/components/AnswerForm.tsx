import { ROUND_LIMITS, type MomentOptions, type MyRoundAnswer } from '@contracts';
import { Button, Checkbox, Field, MessageBar, MessageBarBody, Spinner, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, type ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { useLoaded } from '../../../app/use-loaded';
import { loadMyAnswer, loadPickOptions, saveMyAnswer } from '../api/rounds-api';
import { alignmentText } from '../messages';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  picks: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, border: 'none', margin: 0, padding: 0, minWidth: 0 },
});

export interface AnswerFormProps {
  client: ApiClient;
  roundId: string;
  onSaved(): void;
}

/** One to three sentences and one to three strategies; changeable until the round closes. Nobody else reads it before then. */
export function AnswerForm({ client, roundId, onSaved }: AnswerFormProps) {
  const styles = useStyles();
  const t = alignmentText.useText();
  const load = useCallback(
    async (signal: AbortSignal) => ({ options: await loadPickOptions(client, signal), mine: await loadMyAnswer(client, roundId, signal) }),
    [client, roundId],
  );
  const { state } = useLoaded<{ options: MomentOptions; mine: MyRoundAnswer | null }>(load);
  const [text, setText] = useState('');
  const [picks, setPicks] = useState<string[]>([]);
  const [etag, setEtag] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Readonly<Record<string, string>>>({});

  useEffect(() => {
    if (state.status !== 'ready' || !state.data.mine) return;
    setText(state.data.mine.text);
    setPicks(state.data.mine.strategyIds);
    setEtag(state.data.mine._etag);
  }, [state]);

  const submit = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const saved = await saveMyAnswer(client, roundId, { text, strategyIds: picks }, etag);
      setEtag(saved._etag);
      setFieldErrors({});
      setMessage({ intent: 'success', text: t('answer.saved') });
      onSaved();
    } catch (error) {
      setFieldErrors(error instanceof ApiError ? error.fieldErrors : {});
      setMessage({ intent: 'error', text: t('answer.saveFailed', { why: whatWentWrong(error) }) });
    } finally {
      setBusy(false);
    }
  };

  if (state.status === 'loading') return <Spinner size="small" label={t('answer.loading')} />;
  if (state.status === 'error') return <Text role="alert">{t('answer.loadFailed', { why: whatWentWrong(state.error) })}</Text>;
  const toggle = (id: string, checked: boolean) => setPicks((current) => (checked ? [...current, id] : current.filter((other) => other !== id)));
  const pickError = fieldErrors.strategyIds ?? Object.entries(fieldErrors).find(([path]) => path.startsWith('strategyIds.'))?.[1];

  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Field label={t('answer.label')} required validationMessage={fieldErrors.text} hint={t('answer.hint')}>
        <Textarea dir="auto" value={text} onChange={(_, data) => setText(data.value)} maxLength={ROUND_LIMITS.answer} resize="vertical" />
      </Field>
      <fieldset className={styles.picks}>
        <legend>{t('answer.picks')}</legend>
        {state.data.options.strategies.map((strategy) => (
          <Checkbox
            key={strategy.id}
            label={strategy.title}
            checked={picks.includes(strategy.id)}
            disabled={!picks.includes(strategy.id) && picks.length >= ROUND_LIMITS.picks}
            onChange={(_, data) => toggle(strategy.id, data.checked === true)}
          />
        ))}
        {pickError && <Text role="alert">{pickError}</Text>}
      </fieldset>
      {message && (
        <MessageBar intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button type="submit" appearance="primary" disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
          {etag ? t('answer.update') : t('answer.save')}
        </Button>
      </div>
    </form>
  );
}
