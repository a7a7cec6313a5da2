import { Field, Input } from '@fluentui/react-components';
import { TEAM_LIMITS, type Team } from '@contracts';
import { useState } from 'react';
import { FormDialog } from '../../../components/FormDialog';
import { ConflictPanel } from '../../../components/ConflictPanel';
import type { SaveOutcome } from '../../../app/save-outcome';
import { teamsText } from '../messages';

interface Props {
  /** The team to rename, or null to create one. */
  team: Team | null;
  save(name: string, etag: string | undefined): Promise<SaveOutcome>;
  /** `name`: the team's name after the change. */
  onClose(changed: boolean, name?: string): void;
}

/** Create a team, or rename one without overwriting someone else's rename. */
export default function TeamNameDialog({ team, save, onClose }: Props) {
  const [name, setName] = useState(team?.name ?? '');
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Record<string, unknown> | null>(null);
  const [saving, setSaving] = useState(false);
  const t = teamsText.useText();

  const send = async (etag: string | undefined) => {
    setSaving(true);
    const outcome = await save(name.trim(), etag);
    setSaving(false);
    if (outcome.kind === 'done') return onClose(true, name.trim());
    if (outcome.kind === 'conflict') return setConflict(outcome.current);
    setConflict(null);
    setError(outcome.fields.name ?? null);
    setFormError(outcome.message);
  };

  const submit = () => {
    const trimmed = name.trim();
    if (!trimmed) return setError(t('nameRequired'));
    if (trimmed.length > TEAM_LIMITS.teamName) return setError(t('keepUnder', { max: TEAM_LIMITS.teamName }));
    if (team && trimmed === team.name) return onClose(false);
    void send(team?.etag);
  };

  return (
    <FormDialog
      title={team ? t('renameTeam', { name: team.name }) : t('addTitle')}
      submitLabel={t('save')}
      busy={saving}
      error={formError}
      onSubmit={submit}
      onClose={() => onClose(false)}
      conflict={
        conflict && (
          <ConflictPanel
            rows={[{ label: t('teamName'), theirs: String(conflict.name ?? '—'), yours: name.trim() }]}
            busy={saving}
            onUseTheirs={() => onClose(true, String(conflict.name ?? ''))}
            onReapplyMine={() => void send(String(conflict.etag ?? ''))}
          />
        )
      }
      layout="plain"
    >
      <Field label={t('teamName')} required validationMessage={error} validationState={error ? 'error' : 'none'}>
        <Input value={name} onChange={(_, data) => (setName(data.value), setError(null))} />
      </Field>
    </FormDialog>
  );
}
