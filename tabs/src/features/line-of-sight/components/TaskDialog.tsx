import type { CreateTaskInput, LineOfSight, Task, UpdateTaskInput } from '@contracts';
import { LIMITS } from '@contracts';
import { Field, Input, Select, Textarea, makeStyles } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { FormDialog, useDialogPickerStyles } from '../../../components/FormDialog';
import type { MutationResult } from '../hooks/use-task-mutations';
import { homeText } from '../messages';
import {
  checkNewTask,
  checkTaskChanges,
  emptyTaskForm,
  taskFormValues,
  type TaskField,
  type TaskFieldErrors,
  type TaskFormValues,
} from '../task-form';

// A long strategy title must not push the picker (and the dialog) wider than a phone screen.
const useStyles = makeStyles({
  pickerControl: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
});

interface Props {
  /** The task to edit, or null to add one. */
  task: Task | null;
  strategies: LineOfSight['strategies'];
  createTask(input: CreateTaskInput): Promise<MutationResult>;
  updateTask(task: Task, changes: UpdateTaskInput): Promise<MutationResult>;
  onClose(): void;
}

const FIELD_ORDER: readonly TaskField[] = ['title', 'strategyId', 'howItServes'];

/** Add or edit one of my tasks, checked as the API checks it, with messages under the fields. */
export default function TaskDialog({ task, strategies, createTask, updateTask, onClose }: Props) {
  const t = homeText.useText();
  const styles = useStyles();
  const pickerStyles = useDialogPickerStyles();
  const initial = useMemo(
    () => (task ? taskFormValues(task, strategies.map((s) => s.id)) : emptyTaskForm),
    [task, strategies],
  );
  const [values, setValues] = useState<TaskFormValues>(initial);
  const [errors, setErrors] = useState<TaskFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const controls = {
    title: useRef<HTMLInputElement>(null),
    strategyId: useRef<HTMLSelectElement>(null),
    howItServes: useRef<HTMLTextAreaElement>(null),
  };

  const change = (field: TaskField) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined })); // the message was about the old value
  };

  const showProblems = (fields: TaskFieldErrors, message: string | null) => {
    setErrors(fields);
    setFormError(message);
    const first = FIELD_ORDER.find((field) => fields[field]);
    if (first) controls[first].current?.focus();
  };

  const submit = async () => {
    let result: MutationResult;
    if (task) {
      const check = checkTaskChanges(initial, values);
      if (!check.ok) return showProblems(check.fields, check.other.join(' ') || null);
      if (check.value === null) return onClose(); // nothing changed, nothing to send
      setSaving(true);
      result = await updateTask(task, check.value);
    } else {
      const check = checkNewTask(values);
      if (!check.ok) return showProblems(check.fields, check.other.join(' ') || null);
      setSaving(true);
      result = await createTask(check.value);
    }
    setSaving(false);
    if (result.kind === 'rejected') showProblems(result.fields, result.message);
    else onClose();
  };

  const linked = values.strategyId !== '';
  const fieldState = (field: TaskField) => (errors[field] ? { validationState: 'error' as const, validationMessage: errors[field] } : {});

  return (
    <FormDialog
      title={task ? t('dialog.edit') : t('dialog.add')}
      submitLabel={t('dialog.save')}
      busy={saving}
      error={formError}
      onSubmit={submit}
      onClose={onClose}
      size="medium"
    >
      <Field label={t('dialog.title')} required {...fieldState('title')}>
        <Input ref={controls.title} dir="auto" value={values.title} onChange={(_, data) => change('title')(data.value)} />
      </Field>
      <Field
        label={t('dialog.strategy')}
        hint={t('dialog.strategyHint')}
        {...fieldState('strategyId')}
      >
        <Select
          ref={controls.strategyId}
          className={pickerStyles.picker}
          select={{ className: styles.pickerControl }}
          value={values.strategyId} onChange={(_, data) => change('strategyId')(data.value)}>
          <option value="">{t('dialog.notLinked')}</option>
          {strategies.map((strategy) => (
            <option key={strategy.id} value={strategy.id} dir="auto">
              {strategy.title}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t('dialog.how')}
        required={linked}
        hint={t('dialog.howHint', { max: LIMITS.howItServes })}
        {...fieldState('howItServes')}
      >
        <Textarea
          ref={controls.howItServes}
          resize="vertical"
          rows={3}
          dir="auto"
          value={values.howItServes}
          onChange={(_, data) => change('howItServes')(data.value)}
        />
      </Field>
    </FormDialog>
  );
}
