import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
} from '@fluentui/react-components';
import { TEAM_LIMITS, type Team } from '@contracts';
import { useState, type FormEvent } from 'react';
import { ConflictPanel } from '../../../components/ConflictPanel';
import type { SaveOutcome } from '../../../app/save-outcome';

interface Props {
  /** The team to rename, or null to create one. */
  team: Team | null;
  save(name: string, etag: string | undefined): Promise<SaveOutcome>;
  onClose(changed: boolean): void;
}

/** Create a team, or rename one without overwriting someone else's rename. */
export default function TeamNameDialog({ team, save, onClose }: Props) {
  const [name, setName] = useState(team?.name ?? '');
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Record<string, unknown> | null>(null);
  const [saving, setSaving] = useState(false);

  const send = async (etag: string | undefined) => {
    setSaving(true);
    const outcome = await save(name.trim(), etag);
    setSaving(false);
    if (outcome.kind === 'done') return onClose(true);
    if (outcome.kind === 'conflict') return setConflict(outcome.current);
    setConflict(null);
    setError(outcome.fields.name ?? null);
    setFormError(outcome.message);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const trimmed = name.trim();
    if (!trimmed) return setError('Give the team a name');
    if (trimmed.length > TEAM_LIMITS.teamName) return setError(`Keep this under ${TEAM_LIMITS.teamName} characters`);
    if (team && trimmed === team.name) return onClose(false);
    void send(team?.etag);
  };

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && !saving && onClose(false)}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{team ? `Rename ${team.name}` : 'Add a team'}</DialogTitle>
            <DialogContent>
              {conflict ? (
                <ConflictPanel
                  rows={[{ label: 'Team name', theirs: String(conflict.name ?? '—'), yours: name.trim() }]}
                  busy={saving}
                  onUseTheirs={() => onClose(true)}
                  onReapplyMine={() => void send(String(conflict.etag ?? ''))}
                />
              ) : (
                <Field label="Team name" required validationMessage={error} validationState={error ? 'error' : 'none'}>
                  <Input value={name} onChange={(_, data) => (setName(data.value), setError(null))} />
                </Field>
              )}
              {formError && (
                <MessageBar intent="error" layout="multiline" role="alert">
                  <MessageBarBody>{formError}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button disabled={saving}>Cancel</Button>
              </DialogTrigger>
              {!conflict && (
                <Button type="submit" appearance="primary" disabledFocusable={saving} icon={saving ? <Spinner size="tiny" /> : undefined}>
                  Save
                </Button>
              )}
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
