import { Field, Input } from '@fluentui/react-components';
import type { Team } from '@contracts';
import { useState } from 'react';
import { FormDialog } from '../../../components/FormDialog';
import type { SaveOutcome } from '../../../app/save-outcome';

interface Props {
  team: Team;
  save(groupId: string, etag: string): Promise<SaveOutcome>;
  onClose(changed: boolean): void;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Links the team to a Microsoft 365 group or a team in Teams by its id (the Object ID in Entra ID, or
 * the team's group id): its members then join the team with the directory sync.
 */
export default function GroupLinkDialog({ team, save, onClose }: Props) {
  const [groupId, setGroupId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const trimmed = groupId.trim();
    if (!GUID.test(trimmed)) return setError('Paste the group’s Object ID, e.g. 00000000-0000-0000-0000-000000000000');
    setSaving(true);
    const outcome = await save(trimmed, team.etag);
    setSaving(false);
    if (outcome.kind === 'done') return onClose(true);
    if (outcome.kind === 'conflict') return setFormError(`${team.name} changed meanwhile. Close, and try again.`);
    setError(outcome.fields.groupId ?? null);
    setFormError(outcome.message);
  };

  return (
    <FormDialog
      title={`Link ${team.name} to Microsoft 365`}
      submitLabel="Link"
      busy={saving}
      error={formError}
      onSubmit={() => void submit()}
      onClose={() => onClose(false)}
      layout="plain"
    >
      <Field
        label="Microsoft 365 group or team id"
        hint="Its members join this team at the next directory sync (within five minutes). People you added by hand stay."
        required
        validationMessage={error}
        validationState={error ? 'error' : 'none'}
      >
        <Input value={groupId} placeholder="00000000-0000-0000-0000-000000000000" onChange={(_, data) => (setGroupId(data.value), setError(null))} />
      </Field>
    </FormDialog>
  );
}
