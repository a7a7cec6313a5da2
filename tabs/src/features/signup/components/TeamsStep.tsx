import type { SignupGroups } from '@contracts';
import { Badge, Body1, Checkbox, Field, MessageBar, MessageBarBody, SearchBox, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { signupErrorText, useStepAction } from '../hooks/use-step-action';
import { formatList } from '../../../i18n';
import { signupText } from '../messages';
import type { StepProps } from './SignupWizard';
import { StepFooter } from './StepFooter';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, border: 'none', margin: 0, padding: 0 },
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Step 5: which Microsoft 365 groups or teams in Teams become app teams (their members sync from Microsoft 365). */
export function TeamsStep({ api, draft, onSaved, onNext }: StepProps) {
  const styles = useStyles();
  const t = signupText.useText();
  const [search, setSearch] = useState('');
  const [groups, setGroups] = useState<SignupGroups | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [chosen, setChosen] = useState(() => new Map(draft.teams.map((team) => [team.groupId, team.displayName])));
  const { busy, error, run } = useStepAction((current) => onSaved(current, signupText.text('stale')));

  const load = useCallback(
    async (term: string, signal?: AbortSignal) => {
      setLoadError(null);
      try {
        const found = await api.groups(term);
        if (!signal?.aborted) setGroups(found);
      } catch (caught) {
        if (!signal?.aborted) setLoadError(signupErrorText(caught));
      }
    },
    [api],
  );
  useEffect(() => {
    const controller = new AbortController();
    // A short pause while typing, so each keystroke doesn't ask Microsoft 365.
    const timer = window.setTimeout(() => void load(search.trim(), controller.signal), search ? 300 : 0);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [load, search]);

  const toggle = (id: string, name: string, on: boolean) =>
    setChosen((current) => {
      const next = new Map(current);
      if (on) next.set(id, name);
      else next.delete(id);
      return next;
    });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = await run(() => api.update(draft.etag, { teams: [...chosen.keys()].map((groupId) => ({ groupId })) }));
    if (!next) return;
    onSaved(next, next.teams.length === 0 ? t('teams.savedNone') : t('teams.saved', { count: next.teams.length }));
    onNext();
  };

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
      <Body1>{t('teams.intro')}</Body1>
      <Field label={t('teams.find')}>
        <SearchBox value={search} onChange={(_, data) => setSearch(data.value)} maxLength={100} dismiss={{ 'aria-label': t('teams.clearSearch') }} />
      </Field>
      {!groups && !loadError && <Spinner size="small" label={t('teams.reading')} />}
      {loadError && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{loadError}</MessageBarBody>
        </MessageBar>
      )}
      {groups && (
        <fieldset className={styles.list} aria-label={t('teams.list')}>
          {groups.groups.length === 0 && <Body1>{t('teams.noMatch', { search })}</Body1>}
          {groups.groups.map((group) => (
            <div key={group.id} className={styles.row}>
              <Checkbox checked={chosen.has(group.id)} label={{ children: group.displayName, dir: 'auto' }} onChange={(_, data) => toggle(group.id, group.displayName, data.checked === true)} />
              <Badge appearance="tint" color={group.isTeam ? 'brand' : 'informative'}>
                {group.isTeam ? t('teams.team') : t('teams.group')}
              </Badge>
            </div>
          ))}
          {groups.truncated && <Body1>{t('teams.truncated')}</Body1>}
        </fieldset>
      )}
      <Body1 role="status">{chosen.size === 0 ? t('teams.noneChosen') : t('teams.chosen', { count: chosen.size, names: formatList([...chosen.values()], 'unit') })}</Body1>
      <StepFooter error={error} busy={busy} />
    </form>
  );
}
