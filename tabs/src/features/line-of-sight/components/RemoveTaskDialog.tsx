import type { Task } from '@contracts';
import { useState } from 'react';
import { FormDialog } from '../../../components/FormDialog';
import type { MutationResult } from '../hooks/use-task-mutations';
import { homeText } from '../messages';

interface Props {
  task: Task;
  removeTask(task: Task): Promise<MutationResult>;
  onClose(): void;
}

/** Asks before removing a task: removal can't be undone. */
export default function RemoveTaskDialog({ task, removeTask, onClose }: Props) {
  const t = homeText.useText();
  const [removing, setRemoving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const confirm = async () => {
    setRemoving(true);
    const result = await removeTask(task);
    setRemoving(false);
    if (result.kind === 'rejected') setProblem(result.message ?? t('remove.failed'));
    else onClose();
  };

  return (
    <FormDialog
      title={t('remove.title')}
      submitLabel={t('remove.confirm')}
      busy={removing}
      error={problem}
      onSubmit={confirm}
      onClose={onClose}
      size="narrow"
      layout="message"
      confirm
    >
      <p>{t('remove.body', { title: task.title })}</p>
    </FormDialog>
  );
}
