import type { AvailableSourceTasks, ImportSourceTasksInput, TaskSourceKind } from '@contracts';
import { Body1, Checkbox, Radio, RadioGroup, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { whatWentWrong } from '../../../app/error-text';
import { FormDialog } from '../../../components/FormDialog';
import { taskSourcesText } from '../messages';

const useStyles = makeStyles({
  container: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, border: 'none', minWidth: 0 },
  tasks: { display: 'flex', flexDirection: 'column', paddingInlineStart: tokens.spacingHorizontalXL, minWidth: 0 },
  wrap: { overflowWrap: 'anywhere' },
});

interface BringInProps {
  kind: TaskSourceKind;
  available: AvailableSourceTasks;
  bringIn(choice: ImportSourceTasksInput): Promise<void>;
  onClose(): void;
}

/** A task offered for bringing in, with whether it is done or already here. */
function taskLabel(task: { title: string; completed: boolean; importedAs?: unknown }): string {
  const key = task.completed ? (task.importedAs ? 'bringIn.taskDoneImported' : 'bringIn.taskDone') : task.importedAs ? 'bringIn.taskImported' : null;
  return key ? taskSourcesText.text(key, { title: task.title }) : task.title;
}

/** Choose whole plans / lists (new tasks in them come in by themselves) or single tasks. */
export function BringInDialog({ kind, available, bringIn, onClose }: BringInProps) {
  const t = taskSourcesText.useText();
  const styles = useStyles();
  const [whole, setWhole] = useState<Set<string>>(new Set());
  const [single, setSingle] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = (set: Set<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };
  const submit = async () => {
    const tasks = available.containers.flatMap((container) => container.tasks.filter((task) => single.has(task.id) && !whole.has(container.id)).map((task) => ({ containerId: container.id, id: task.id })));
    if (whole.size + tasks.length === 0) return setError(t('bringIn.choose', { source: kind }));
    setBusy(true);
    setError(null);
    try {
      await bringIn({ containerIds: [...whole], tasks });
      onClose();
    } catch (failure) {
      setError(whatWentWrong(failure));
      setBusy(false);
    }
  };
  return (
    <FormDialog title={t('bringIn', { source: kind })} submitLabel={t('bringIn.submit')} busy={busy} error={error} onSubmit={submit} onClose={onClose} size="medium">
      {available.containers.length === 0 && <Body1>{t('bringIn.none', { source: kind })}</Body1>}
      {available.containers.map((container) => (
        <fieldset key={container.id} className={styles.container}>
          <legend className={styles.wrap} dir="auto">
            <Subtitle2>{container.name}</Subtitle2>
          </legend>
          <Checkbox
            label={t('bringIn.whole', { container: container.name })}
            checked={container.imported || whole.has(container.id)}
            disabled={container.imported}
            onChange={(_, data) => setWhole(toggle(whole, container.id, data.checked === true))}
          />
          <div className={styles.tasks}>
            {container.tasks.map((task) => (
              <Checkbox
                key={task.id}
                className={styles.wrap}
                label={taskLabel(task)}
                checked={Boolean(task.importedAs) || whole.has(container.id) || single.has(task.id)}
                disabled={Boolean(task.importedAs) || whole.has(container.id) || container.imported}
                onChange={(_, data) => setSingle(toggle(single, task.id, data.checked === true))}
              />
            ))}
          </div>
        </fieldset>
      ))}
    </FormDialog>
  );
}

interface DisconnectProps {
  kind: TaskSourceKind;
  importedTasks: number;
  disconnect(importedTasks: 'keep' | 'remove'): Promise<void>;
  onClose(): void;
}

/** Disconnecting asks what happens to the tasks already brought in. */
export function DisconnectDialog({ kind, importedTasks, disconnect, onClose }: DisconnectProps) {
  const t = taskSourcesText.useText();
  const [choice, setChoice] = useState<'keep' | 'remove'>('keep');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    try {
      await disconnect(choice);
      onClose();
    } catch (failure) {
      setError(whatWentWrong(failure));
      setBusy(false);
    }
  };
  return (
    <FormDialog title={t('disconnect.title', { source: kind })} submitLabel={t('disconnect')} busy={busy} error={error} onSubmit={submit} onClose={onClose} size="narrow">
      <Body1>{t('disconnect.body', { source: kind, count: importedTasks })}</Body1>
      <RadioGroup aria-label={t('disconnect.group')} value={choice} onChange={(_, data) => setChoice(data.value as 'keep' | 'remove')}>
        <Radio value="keep" label={t('disconnect.keep')} />
        <Radio value="remove" label={t('disconnect.remove')} />
      </RadioGroup>
    </FormDialog>
  );
}
