import type { Team } from '@contracts';
import { PULSE_LIMITS, type Pulse } from '@pulse-contracts';
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { outcomeOf } from '../../../app/save-outcome';
import { pulsesApi } from '../api/pulses-api';
import { DateField } from '../../../components/DateField';
import { pulsesText } from '../messages';
import { starterStatements } from '../pulse-text';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '44rem' },
  statement: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  grow: { flexGrow: 1 },
  teams: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
});

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export interface SchedulePulseProps {
  client: ApiClient;
  teams: readonly Team[];
  threshold: number;
  onOpened: (pulse: Pulse) => void;
}

/** A leader's pulse: the starter set to edit, everyone or chosen teams, open until a day. Opens at once. */
export function SchedulePulse({ client, teams, threshold, onOpened }: SchedulePulseProps) {
  const styles = useStyles();
  const t = pulsesText.useText();
  // The starter set in the leader's language: what people are asked is in the words the leader chose.
  const [title, setTitle] = useState(() => pulsesText.text('schedule.defaultTitle'));
  const [statements, setStatements] = useState<string[]>(starterStatements);
  const [everyone, setEveryone] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const [closesOn, setClosesOn] = useState(inDays(7));
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const pulse = await pulsesApi.open(client, {
        title,
        statements: statements.map((text) => ({ text })),
        ...(everyone ? {} : { audience: { teamIds: chosen } }),
        closesAt: new Date(`${closesOn}T17:00:00`).toISOString(),
      });
      setFields({});
      onOpened(pulse);
    } catch (error) {
      const outcome = outcomeOf(error, ['title', 'statements', 'audience', 'closesAt']);
      if (outcome.kind === 'rejected') {
        setFields(outcome.fields);
        setMessage(outcome.message);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} aria-labelledby="schedule-pulse">
      <Title3 as="h2" id="schedule-pulse">
        {t('schedule.heading')}
      </Title3>
      <Field label={t('schedule.title')} required validationMessage={fields.title}>
        <Input dir="auto" value={title} maxLength={PULSE_LIMITS.title} onChange={(_, data) => setTitle(data.value)} />
      </Field>
      <Field label={t('schedule.statements', { min: PULSE_LIMITS.minStatements, max: PULSE_LIMITS.maxStatements })} validationMessage={fields.statements}>
        <div className={styles.form}>
          {statements.map((text, index) => (
            <div key={index} className={styles.statement}>
              <Input
                className={styles.grow}
                dir="auto"
                aria-label={t('schedule.statement', { number: index + 1 })}
                value={text}
                maxLength={PULSE_LIMITS.statementText}
                onChange={(_, data) => setStatements((current) => current.map((old, at) => (at === index ? data.value : old)))}
              />
              <Button disabled={statements.length <= PULSE_LIMITS.minStatements} onClick={() => setStatements((current) => current.filter((_, at) => at !== index))} aria-label={t('schedule.removeStatement', { number: index + 1 })}>
                {t('schedule.remove')}
              </Button>
            </div>
          ))}
          <div>
            <Button disabled={statements.length >= PULSE_LIMITS.maxStatements} onClick={() => setStatements((current) => [...current, ''])}>
              {t('schedule.addStatement')}
            </Button>
          </div>
        </div>
      </Field>
      <Field label={t('schedule.whoIsAsked')} validationMessage={fields.audience}>
        <RadioGroup value={everyone ? 'everyone' : 'teams'} onChange={(_, data) => setEveryone(data.value === 'everyone')}>
          <Radio value="everyone" label={t('schedule.everyone')} />
          <Radio value="teams" label={t('schedule.chosenTeams')} />
        </RadioGroup>
      </Field>
      {!everyone && (
        <fieldset className={styles.teams}>
          <legend>{t('schedule.teams')}</legend>
          {teams.map((team) => (
            <Checkbox
              key={team.id}
              label={team.name}
              checked={chosen.includes(team.id)}
              onChange={(_, data) => setChosen((current) => (data.checked ? [...current, team.id] : current.filter((id) => id !== team.id)))}
            />
          ))}
        </fieldset>
      )}
      <Field label={t('schedule.openUntil')} required validationMessage={fields.closesAt}>
        <DateField value={closesOn} onChange={setClosesOn} />
      </Field>
      <p style={{ margin: 0 }}>{t('schedule.thresholdNote', { threshold })}</p>
      {message && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? t('schedule.opening') : t('schedule.open')}
        </Button>
      </div>
    </form>
  );
}
