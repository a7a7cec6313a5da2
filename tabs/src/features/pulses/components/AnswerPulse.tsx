import { PULSE_LIMITS, type Pulse } from '@pulse-contracts';
import { Button, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Textarea, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError, type ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { formatDate } from '../../../i18n';
import { pulsesApi } from '../api/pulses-api';
import { pulsesText } from '../messages';
import { agreementScale } from '../pulse-text';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '44rem' },
  scale: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export interface AnswerPulseProps {
  client: ApiClient;
  pulse: Pulse;
  onAnswered: () => void;
}

/** The pulse's statements on the agreement scale, and an optional comment. Anonymous: said above the questions. */
export function AnswerPulse({ client, pulse, onAnswered }: AnswerPulseProps) {
  const styles = useStyles();
  const t = pulsesText.useText();
  const [values, setValues] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const missing = pulse.statements.filter((statement) => values[statement.id] === undefined);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (missing.length > 0) {
      setProblem(t('answer.missing', { count: missing.length }));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const answers = pulse.statements.map((statement) => ({ statementId: statement.id, value: values[statement.id]! }));
      await pulsesApi.answer(client, pulse.id, { answers, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      onAnswered();
    } catch (error) {
      // A retry of an answer that did land meets the marker: the answer is in.
      if (error instanceof ApiError && error.code === 'already_answered') onAnswered();
      else setProblem(whatWentWrong(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} aria-labelledby={`pulse-${pulse.id}`}>
      <Title3 as="h2" id={`pulse-${pulse.id}`} dir="auto">
        {pulse.title}
      </Title3>
      <p className={styles.note}>
        {t('answer.anonymous', { threshold: pulse.threshold, date: formatDate(pulse.closesAt) })}
      </p>
      {pulse.statements.map((statement) => (
        <Field key={statement.id} label={{ children: statement.text, dir: "auto" }} required>
          <RadioGroup
            layout="horizontal"
            className={styles.scale}
            value={values[statement.id] === undefined ? '' : String(values[statement.id])}
            onChange={(_, data) => setValues((current) => ({ ...current, [statement.id]: Number(data.value) }))}
          >
            {agreementScale().map((label, index) => (
              <Radio key={index} value={String(index + 1)} label={label} />
            ))}
          </RadioGroup>
        </Field>
      ))}
      <Field label={t('answer.comment')} hint={t('answer.commentHint', { max: PULSE_LIMITS.comment })}>
        <Textarea value={comment} maxLength={PULSE_LIMITS.comment} onChange={(_, data) => setComment(data.value)} resize="vertical" />
      </Field>
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? t('answer.sending') : t('answer.send')}
        </Button>
      </div>
    </form>
  );
}
