import type { Task } from '@contracts';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { MutationResult } from '../hooks/use-task-mutations';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(28rem, calc(100vw - 2rem))' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, overflowWrap: 'anywhere' },
});

interface Props {
  task: Task;
  removeTask(task: Task): Promise<MutationResult>;
  onClose(): void;
}

/** Asks before removing a task: removal can't be undone. */
export default function RemoveTaskDialog({ task, removeTask, onClose }: Props) {
  const styles = useStyles();
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
    <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && !removing && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Remove this task?</DialogTitle>
          <DialogContent className={styles.content}>
            <p>“{task.title}” will be removed from your line of sight. This can't be undone.</p>
            {problem && (
              <MessageBar intent="error" layout="multiline" role="alert">
                <MessageBarBody>{problem}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button disabled={removing}>Cancel</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              disabledFocusable={removing}
              icon={removing ? <Spinner size="tiny" /> : undefined}
              onClick={() => void confirm()}
            >
              Remove
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
