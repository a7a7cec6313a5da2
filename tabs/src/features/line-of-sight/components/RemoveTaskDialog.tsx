import type { Task } from '@contracts';
import { useState } from 'react';
import { FormDialog } from '../../../components/FormDialog';
import type { MutationResult } from '../hooks/use-task-mutations';

interface Props {
  task: Task;
  removeTask(task: Task): Promise<MutationResult>;
  onClose(): void;
}

/** Asks before removing a task: removal can't be undone. */
export default function RemoveTaskDialog({ task, removeTask, onClose }: Props) {
  const [removing, setRemoving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const confirm = async () => {
    setRemoving(true);
    const result = await removeTask(task);
    setRemoving(false);
    if (result.kind === 'rejected') setProblem(result.message ?? 'The task could not be removed. Try again.');
    else onClose();
  };

  return (
    <FormDialog
      title="Remove this task?"
      submitLabel="Remove"
      busy={removing}
      error={problem}
      onSubmit={confirm}
      onClose={onClose}
      size="narrow"
      layout="message"
      confirm
    >
      <p>“{task.title}” will be removed from your line of sight. This can't be undone.</p>
    </FormDialog>
  );
}
