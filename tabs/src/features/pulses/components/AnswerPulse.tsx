import { AGREEMENT_SCALE, PULSE_LIMITS, type Pulse } from '@pulse-contracts';
import { Button, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Textarea, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError, type ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { pulsesApi } from '../api/pulses-api';

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
  const [values, setValues] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const missing = pulse.statements.filter((statement) => values[statement.id] === undefined);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (missing.length > 0) {
      setProblem(`Answer every statement first (${missing.length} left).`);
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
      <Title3 as="h2" id={`pulse-${pulse.id}`}>
        {pulse.title}
      </Title3>
      <p className={styles.note}>
        Anonymous: your answer is stored without your name, and results are shown only for groups of at least {pulse.threshold} people. Open until{' '}
        {new Date(pulse.closesAt).toLocaleDateString()}.
      </p>
      {pulse.statements.map((statement) => (
        <Field key={statement.id} label={statement.text} required>
          <RadioGroup
            layout="horizontal"
            className={styles.scale}
            value={values[statement.id] === undefined ? '' : String(values[statement.id])}
            onChange={(_, data) => setValues((current) => ({ ...current, [statement.id]: Number(data.value) }))}
          >
            {AGREEMENT_SCALE.map((label, index) => (
              <Radio key={label} value={String(index + 1)} label={label} />
            ))}
          </RadioGroup>
        </Field>
      ))}
      <Field label="Anything you want to add? (optional, shown without your name)" hint={`Up to ${PULSE_LIMITS.comment} characters.`}>
        <Textarea value={comment} maxLength={PULSE_LIMITS.comment} onChange={(_, data) => setComment(data.value)} resize="vertical" />
      </Field>
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? 'Sending…' : 'Send my answer'}
        </Button>
      </div>
    </form>
  );
}
