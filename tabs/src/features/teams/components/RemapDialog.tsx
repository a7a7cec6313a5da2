import { TEAM_LIMITS, type EditableStrategy, type TeamTask } from '@contracts';
import { Field, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { FormDialog, useDialogPickerStyles } from '../../../components/FormDialog';
import type { SaveOutcome } from '../../../app/save-outcome';
import { teamsText } from '../messages';

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
  const t = teamsText.useText();

  const submit = async () => {
    const sentence = howItServes.trim();
    const problems = {
      strategyId: strategyId ? undefined : t('pickStrategy'),
      howItServes: !sentence
        ? t('saySentence')
        : sentence.length > TEAM_LIMITS.howItServes
          ? t('keepUnder', { max: TEAM_LIMITS.howItServes })
          : undefined,
    };
    if (problems.strategyId || problems.howItServes) return setErrors(problems);
    setSaving(true);
    const outcome = await remap({ strategyId, howItServes: sentence });
    setSaving(false);
    if (outcome.kind === 'done') return onClose(true, strategies.find((strategy) => strategy.id === strategyId)?.title);
    if (outcome.kind === 'conflict') {
      setFormError(t('remapConflict'));
      return;
    }
    setErrors({ strategyId: outcome.fields.strategyId, howItServes: outcome.fields.howItServes });
    setFormError(outcome.message);
  };

  return (
    <FormDialog
      title={single ? t('linkOneTitle', { title: single.title }) : t('linkManyTitle', { count: tasks.length })}
      submitLabel={t('saveLink')}
      busy={saving}
      error={formError}
      onSubmit={submit}
      onClose={() => onClose(false)}
      size="medium"
    >
      {!single && (
        <ul className={styles.tasks} aria-label={t('tasksToLink')}>
          {tasks.map((task) => (
            <li key={task.id} dir="auto">
              {t('taskWithOwner', { title: task.title, owner: task.ownerName })}
            </li>
          ))}
        </ul>
      )}
      <Field label={t('strategyField')} validationMessage={errors.strategyId} validationState={errors.strategyId ? 'error' : 'none'}>
        <Select className={pickerStyles.picker} value={strategyId} onChange={(_, data) => setStrategyId(data.value)}>
          {strategies.map((strategy) => (
            <option key={strategy.id} value={strategy.id}>
              {strategy.title}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t('howField')}
        required
        hint={
          single
            ? t('howHintOne', { max: TEAM_LIMITS.howItServes })
            : t('howHintMany', { max: TEAM_LIMITS.howItServes, count: tasks.length })
        }
        validationMessage={errors.howItServes}
        validationState={errors.howItServes ? 'error' : 'none'}
      >
        <Textarea resize="vertical" rows={3} value={howItServes} onChange={(_, data) => setHowItServes(data.value)} />
      </Field>
    </FormDialog>
  );
}
