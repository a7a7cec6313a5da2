import { TEAM_LIMITS, type EditableStrategy, type TeamTask } from '@contracts';
import { Field, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { FormDialog, useDialogPickerStyles } from '../../../components/FormDialog';
import type { SaveOutcome } from '../../../app/save-outcome';

const useStyles = makeStyles({
  tasks: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, maxHeight: '8rem', overflowY: 'auto' },
});

interface Props {
  tasks: TeamTask[];
  strategies: EditableStrategy[];
  remap(link: { strategyId: string; howItServes: string }): Promise<SaveOutcome>;
  /** `strategyTitle`: the strategy the tasks now serve. */
  onClose(changed: boolean, strategyTitle?: string): void;
}

/** Link one or several of the team's tasks to a strategy, with the sentence that says how they serve it. */
export default function RemapDialog({ tasks, strategies, remap, onClose }: Props) {
  const styles = useStyles();
  const pickerStyles = useDialogPickerStyles();
  const single = tasks.length === 1 ? tasks[0] : undefined;
  const [strategyId, setStrategyId] = useState(single?.strategyId ?? strategies[0]?.id ?? '');
  const [howItServes, setHowItServes] = useState(single?.howItServes ?? '');
  const [errors, setErrors] = useState<{ strategyId?: string; howItServes?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
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
    if (outcome.kind === 'done') return onClose(true, strategies.find((strategy) => strategy.id === strategyId)?.title);
    if (outcome.kind === 'conflict') {
      setFormError('Someone changed one or more of these tasks meanwhile, so nothing was changed. Close to load the latest tasks, then try again.');
      return;
    }
    setErrors({ strategyId: outcome.fields.strategyId, howItServes: outcome.fields.howItServes });
    setFormError(outcome.message);
  };

  return (
    <FormDialog
      title={single ? `Link ${single.title}` : `Link ${tasks.length} tasks to a strategy`}
      submitLabel="Save link"
      busy={saving}
      error={formError}
      onSubmit={submit}
      onClose={() => onClose(false)}
      size="medium"
    >
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
        <Select className={pickerStyles.picker} value={strategyId} onChange={(_, data) => setStrategyId(data.value)}>
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
        hint={
          single
            ? `One sentence (up to ${TEAM_LIMITS.howItServes} characters), shown under the task on its owner’s home view.`
            : `This one sentence (up to ${TEAM_LIMITS.howItServes} characters) is used for all ${tasks.length} tasks: it shows under each, on its owner’s home view. Owners are not notified.`
        }
        validationMessage={errors.howItServes}
        validationState={errors.howItServes ? 'error' : 'none'}
      >
        <Textarea resize="vertical" rows={3} value={howItServes} onChange={(_, data) => setHowItServes(data.value)} />
      </Field>
    </FormDialog>
  );
}
