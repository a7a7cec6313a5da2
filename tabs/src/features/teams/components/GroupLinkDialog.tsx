import { Field } from '@fluentui/react-components';
import type { Team } from '@contracts';
import { useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { FormDialog } from '../../../components/FormDialog';
import { GroupPicker } from '../../../components/GroupPicker';
import type { PickedOption } from '../../../components/PagedPicker';
import type { SaveOutcome } from '../../../app/save-outcome';
import { teamsText } from '../messages';

interface Props {
  client: ApiClient;
  team: Team;
  save(groupId: string, etag: string): Promise<SaveOutcome>;
  onClose(changed: boolean): void;
}

/**
 * Links the team to a Microsoft 365 group or a team in Teams, picked by name (issue 13): its members
 * then join the team with the directory sync.
 */
export default function GroupLinkDialog({ client, team, save, onClose }: Props) {
  const [group, setGroup] = useState<PickedOption | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const t = teamsText.useText();

  const submit = async () => {
    if (!group) return setError(t('pickGroup'));
    setSaving(true);
    const outcome = await save(group.id, team.etag);
    setSaving(false);
    if (outcome.kind === 'done') return onClose(true);
    if (outcome.kind === 'conflict') return setFormError(t('changedMeanwhile', { name: team.name }));
    setError(outcome.fields.groupId ?? null);
    setFormError(outcome.message);
  };

  return (
    <FormDialog
      title={t('linkGroupTitle', { name: team.name })}
      submitLabel={t('link')}
      busy={saving}
      error={formError}
      onSubmit={() => void submit()}
      onClose={() => onClose(false)}
      layout="plain"
    >
      <Field
        label={t('groupField')}
        hint={t('groupHint')}
        required
        validationMessage={error}
        validationState={error ? 'error' : 'none'}
      >
        <GroupPicker client={client} selected={group} onSelect={(picked) => (setGroup(picked), setError(null))} />
      </Field>
    </FormDialog>
  );
}
