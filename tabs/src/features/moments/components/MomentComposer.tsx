import { MOMENT_LIMITS, type Moment, type MomentOptions } from '@contracts';
import { Button, Card, Checkbox, Field, MessageBar, MessageBarBody, Select, Spinner, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError, type ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { postMoment } from '../api/moments-api';
import { momentsText } from '../messages';

const useStyles = makeStyles({
  // A long strategy title must not widen the page past a phone's width.
  picker: { minWidth: 0, maxWidth: '100%' },
  field: { minWidth: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  people: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(12rem, 1fr))', gap: tokens.spacingVerticalXS, border: 'none', margin: 0, padding: 0, minWidth: 0, maxHeight: '12rem', overflowY: 'auto' },
  h2: { margin: 0 },
});

export interface MomentComposerProps {
  client: ApiClient;
  options: MomentOptions;
  myId: string | undefined;
  /** Recognise this team from the start (a link from the coaching view). */
  initialTeamId?: string;
  onPosted(moment: Moment): void;
}

/** "Mission in action": what you saw (≤ 500 characters), who or which team showed it, and the value or strategy it showed. */
export function MomentComposer({ client, options, myId, initialTeamId, onPosted }: MomentComposerProps) {
  const t = momentsText.useText();
  const styles = useStyles();
  const [text, setText] = useState('');
  const [people, setPeople] = useState<string[]>([]);
  const [teamId, setTeamId] = useState(initialTeamId ?? '');
  const [tag, setTag] = useState(options.values[0] ? `value:${options.values[0]}` : `strategy:${options.strategies[0]?.id ?? ''}`);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Readonly<Record<string, string>>>({});

  const submit = async () => {
    setBusy(true);
    setMessage(null);
    const [kind, ...rest] = tag.split(':');
    const tagValue = rest.join(':');
    try {
      const moment = await postMoment(client, {
        text,
        recognisedUserIds: people,
        teamId: teamId || null,
        tag: kind === 'value' ? { kind: 'value', value: tagValue } : { kind: 'strategy', strategyId: tagValue },
      });
      setText('');
      setPeople([]);
      setFieldErrors({});
      const count = moment.recognised.length;
      const posted =
        count === 0
          ? t('compose.postedTeam', { team: moment.team?.name ?? '' })
          : count === 1
            ? t('compose.postedPerson', { name: moment.recognised[0]!.displayName })
            : t('compose.postedPeople', { count });
      setMessage({ intent: 'success', text: posted });
      onPosted(moment);
    } catch (error) {
      setFieldErrors(error instanceof ApiError ? error.fieldErrors : {});
      setMessage({ intent: 'error', text: error instanceof ApiError && error.status === 429 ? (error.problem?.detail ?? whatWentWrong(error)) : t('compose.failed', { reason: whatWentWrong(error) }) });
    } finally {
      setBusy(false);
    }
  };

  const peopleError = fieldErrors.recognisedUserIds ?? Object.entries(fieldErrors).find(([path]) => path.startsWith('recognisedUserIds.'))?.[1];
  return (
    <Card>
      <form className={styles.form} onSubmit={(event) => { event.preventDefault(); void submit(); }} aria-labelledby="compose-heading">
        <h2 id="compose-heading" className={styles.h2}>{t('compose.heading')}</h2>
        <Field className={styles.field} label={t('compose.what')} required validationMessage={fieldErrors.text} hint={t('compose.count', { length: text.length, max: MOMENT_LIMITS.text })}>
          <Textarea dir="auto" value={text} onChange={(_, data) => setText(data.value)} maxLength={MOMENT_LIMITS.text} resize="vertical" />
        </Field>
        <fieldset className={styles.people}>
          <legend>{t('compose.colleagues')}</legend>
          {options.people
            .filter((person) => person.id !== myId)
            .map((person) => (
              <Checkbox key={person.id} label={person.displayName} checked={people.includes(person.id)} onChange={(_, data) => setPeople((current) => (data.checked === true ? [...current, person.id] : current.filter((id) => id !== person.id)))} />
            ))}
        </fieldset>
        {peopleError && <Text role="alert">{peopleError}</Text>}
        <Field className={styles.field} label={t('compose.team')} validationMessage={fieldErrors.teamId}>
          <Select className={styles.picker} value={teamId} onChange={(_, data) => setTeamId(data.value)}>
            <option value="">{t('compose.noTeam')}</option>
            {options.teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
          </Select>
        </Field>
        <Field className={styles.field} label={t('compose.showed')} validationMessage={fieldErrors['tag.value'] ?? fieldErrors['tag.strategyId']}>
          <Select className={styles.picker} value={tag} onChange={(_, data) => setTag(data.value)}>
            <optgroup label={t('compose.values')}>
              {options.values.map((value) => <option key={value} value={`value:${value}`}>{value}</option>)}
            </optgroup>
            <optgroup label={t('compose.strategies')}>
              {options.strategies.map((strategy) => <option key={strategy.id} value={`strategy:${strategy.id}`}>{strategy.title}</option>)}
            </optgroup>
          </Select>
        </Field>
        {message && (
          <MessageBar intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'} layout="multiline">
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
        <div>
          <Button type="submit" appearance="primary" disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>{t('compose.post')}</Button>
        </div>
      </form>
    </Card>
  );
}
