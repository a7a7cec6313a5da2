import { TEAM_LIMITS, type EditableStrategy, type TeamTask } from '@contracts';
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
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { SaveOutcome } from '../../../app/save-outcome';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(36rem, calc(100vw - 2rem))' },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, '& > *': { minWidth: 0 } },
  tasks: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, maxHeight: '8rem', overflowY: 'auto' },
  picker: { minWidth: 0, maxWidth: '100%' },
});

interface Props {
  tasks: TeamTask[];
  strategies: EditableStrategy[];
  remap(link: { strategyId: string; howItServes: string }): Promise<SaveOutcome>;
  onClose(changed: boolean): void;
}

/** Link one or several of the team's tasks to a strategy, with the sentence that says how they serve it. */
export default function RemapDialog({ tasks, strategies, remap, onClose }: Props) {
  const styles = useStyles();
  const single = tasks.length === 1 ? tasks[0] : undefined;
  const [strategyId, setStrategyId] = useState(single?.strategyId ?? strategies[0]?.id ?? '');
  const [howItServes, setHowItServes] = useState(single?.howItServes ?? '');
  const [errors, setErrors] = useState<{ strategyId?: string; howItServes?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const sentence = howItServes.trim();
    const problems = {
      strategyId: strategyId ? undefined : 'Pick a strategy',
      howItServes: !sentence
        ? 'Say in one sentence how this work serves the strategy'
        : sentence.length > TEAM_LIMITS.howItServes
          ? `Keep this under ${TEAM_LIMITS.howItServes} characters`
          : undefined,
    };
    if (problems.strategyId || problems.howItServes) return setErrors(problems);
    setSaving(true);
    const outcome = await remap({ strategyId, howItServes: sentence });
    setSaving(false);
    if (outcome.kind === 'done') return onClose(true);
    if (outcome.kind === 'conflict') {
      setFormError('Someone changed one or more of these tasks meanwhile, so nothing was changed. Close to load the latest tasks, then try again.');
      return;
    }
    setErrors({ strategyId: outcome.fields.strategyId, howItServes: outcome.fields.howItServes });
    setFormError(outcome.message);
  };

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && !saving && onClose(false)}>
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <DialogBody>
            <DialogTitle>{single ? `Link ${single.title}` : `Link ${tasks.length} tasks to a strategy`}</DialogTitle>
            <DialogContent className={styles.fields}>
              {!single && (
                <ul className={styles.tasks} aria-label="Tasks to link">
                  {tasks.map((task) => (
                    <li key={task.id}>
                      {task.title} ({task.ownerName})
                    </li>
                  ))}
                </ul>
              )}
              <Field label="Strategy it serves" validationMessage={errors.strategyId} validationState={errors.strategyId ? 'error' : 'none'}>
                <Select className={styles.picker} value={strategyId} onChange={(_, data) => setStrategyId(data.value)}>
                  {strategies.map((strategy) => (
                    <option key={strategy.id} value={strategy.id}>
                      {strategy.title}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field
                label="How this serves the strategy"
                required
                hint={`One sentence (up to ${TEAM_LIMITS.howItServes} characters), shown on ${single ? 'the task' : 'each task'}.`}
                validationMessage={errors.howItServes}
                validationState={errors.howItServes ? 'error' : 'none'}
              >
                <Textarea resize="vertical" rows={3} value={howItServes} onChange={(_, data) => setHowItServes(data.value)} />
              </Field>
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
              <Button type="submit" appearance="primary" disabledFocusable={saving} icon={saving ? <Spinner size="tiny" /> : undefined}>
                Save link
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
