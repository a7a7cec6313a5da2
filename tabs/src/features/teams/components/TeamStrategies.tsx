import type { EditableStrategy, Team } from '@contracts';
import { Button, Checkbox, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ConflictPanel } from '../../../components/ConflictPanel';
import type { SaveOutcome } from '../../../app/save-outcome';
import { teamsText } from '../messages';

const useStyles = makeStyles({
  box: { display: 'grid', gap: tokens.spacingVerticalS },
  options: { display: 'grid', alignItems: 'start', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 18rem), 1fr))' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

interface Props {
  team: Team;
  strategies: EditableStrategy[];
  save(strategyIds: string[], etag: string): Promise<SaveOutcome>;
  /** `tookTheirs`: the leader kept a colleague's newer version instead of saving theirs. */
  onSaved(tookTheirs?: boolean): void;
}

const titlesOf = (ids: readonly unknown[], strategies: EditableStrategy[]) =>
  ids.map((id) => strategies.find((s) => s.id === id)?.title ?? String(id)).join('\n') || teamsText.text('none');

/** Which strategies this team serves, as a leader maps them. */
export function TeamStrategies({ team, strategies, save, onSaved }: Props) {
  const styles = useStyles();
  const [chosen, setChosen] = useState<string[]>(team.strategyIds);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Record<string, unknown> | null>(null);
  useEffect(() => setChosen(team.strategyIds), [team]);
  const t = teamsText.useText();

  const changed = chosen.length !== team.strategyIds.length || chosen.some((id) => !team.strategyIds.includes(id));

  const send = async (etag: string) => {
    setSaving(true);
    setProblem(null);
    const outcome = await save(chosen, etag);
    setSaving(false);
    if (outcome.kind === 'done') {
      setConflict(null);
      return onSaved();
    }
    if (outcome.kind === 'conflict') return setConflict(outcome.current);
    setProblem(outcome.message ?? Object.values(outcome.fields).join(' '));
  };

  if (conflict) {
    const theirs = Array.isArray(conflict.strategyIds) ? conflict.strategyIds : [];
    return (
      <ConflictPanel
        rows={[{ label: t('strategiesServed'), theirs: titlesOf(theirs, strategies), yours: titlesOf(chosen, strategies) }]}
        busy={saving}
        onUseTheirs={() => (setConflict(null), onSaved(true))}
        onReapplyMine={() => void send(String(conflict.etag ?? ''))}
      />
    );
  }

  return (
    <div className={styles.box}>
      <div className={styles.options} role="group" aria-labelledby="team-strategies-heading">
          {strategies.map((strategy) => (
            <Checkbox
              key={strategy.id}
              label={strategy.title}
              checked={chosen.includes(strategy.id)}
              onChange={(_, data) =>
                setChosen((current) => (data.checked ? [...current, strategy.id] : current.filter((id) => id !== strategy.id)))
              }
            />
          ))}
      </div>
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabledFocusable={!changed || saving}
          icon={saving ? <Spinner size="tiny" /> : undefined}
          onClick={() => void send(team.etag)}
        >
          {t('saveStrategies')}
        </Button>
        {changed && <Button onClick={() => setChosen(team.strategyIds)}>{t('undoChanges')}</Button>}
      </div>
    </div>
  );
}
