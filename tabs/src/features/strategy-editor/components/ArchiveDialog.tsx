import { LIMITS } from '@contracts';
import { Field, Radio, RadioGroup, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { FormDialog, useDialogPickerStyles } from '../../../components/FormDialog';
import type { SaveOutcome } from '../../../app/save-outcome';
import type { ArchiveInput, EditableStrategy } from '../api/schemas';

interface Props {
  strategy: EditableStrategy;
  /** Active strategies the tasks could move to (not the one being archived). */
  others: EditableStrategy[];
  archive(input: ArchiveInput): Promise<SaveOutcome>;
  /** `movedTo`: the title of the strategy the tasks moved to, if they moved. */
  onClose(changed: boolean, movedTo?: string): void;
}

/** Archiving never orphans work silently: the leader says where the tasks that serve it go. */
export default function ArchiveDialog({ strategy, others, archive, onClose }: Props) {
  const styles = useDialogPickerStyles();
  const [choice, setChoice] = useState<'move' | 'leave'>(others.length > 0 ? 'move' : 'leave');
  const [target, setTarget] = useState(others[0]?.id ?? '');
  const [howItServes, setHowItServes] = useState('');
  const [errors, setErrors] = useState<{ strategyId?: string; howItServes?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    let input: ArchiveInput = {};
    if (choice === 'move') {
      const sentence = howItServes.trim();
      const problems = {
        strategyId: target ? undefined : 'Pick the strategy the tasks move to',
        howItServes: sentence ? (sentence.length > LIMITS.howItServes ? `Keep this under ${LIMITS.howItServes} characters` : undefined) : 'Say in one sentence how the tasks serve that strategy',
      };
      if (problems.strategyId || problems.howItServes) return setErrors(problems);
      input = { moveTasksTo: { strategyId: target, howItServes: sentence } };
    }
    setSaving(true);
    const outcome = await archive(input);
    setSaving(false);
    if (outcome.kind === 'done') return onClose(true, input.moveTasksTo ? others.find((other) => other.id === target)?.title : undefined);
    if (outcome.kind === 'conflict') {
      setFormError('Someone else changed this strategy meanwhile. Close to load their version, then archive it again if it is still right.');
      return;
    }
    setErrors({ strategyId: outcome.fields['moveTasksTo.strategyId'] ?? outcome.fields.moveTasksTo, howItServes: outcome.fields['moveTasksTo.howItServes'] });
    setFormError(outcome.message);
  };

  return (
    <FormDialog
      title={`Archive ${strategy.title}?`}
      submitLabel="Archive"
      busy={saving}
      error={formError}
      onSubmit={submit}
      onClose={() => onClose(false)}
      size="medium"
      describedByContent
    >
      <p>People's tasks that serve this strategy need somewhere to go. Where should they go?</p>
      <Field label="Tasks that serve it">
        <RadioGroup value={choice} onChange={(_, data) => setChoice(data.value as 'move' | 'leave')}>
          <Radio value="move" label="Move them to another strategy" disabled={others.length === 0} />
          <Radio value="leave" label="Leave them needing a new link (their owners see that on their home view)" />
        </RadioGroup>
      </Field>
      {choice === 'move' && (
        <>
          <Field label="Strategy they move to" validationMessage={errors.strategyId} validationState={errors.strategyId ? 'error' : 'none'}>
            <Select className={styles.picker} value={target} onChange={(_, data) => setTarget(data.value)}>
              {others.map((other) => (
                <option key={other.id} value={other.id}>
                  {other.title}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label="How they serve it"
            required
            hint="One sentence, shown on each moved task."
            validationMessage={errors.howItServes}
            validationState={errors.howItServes ? 'error' : 'none'}
          >
            <Textarea resize="vertical" rows={2} value={howItServes} onChange={(_, data) => setHowItServes(data.value)} />
          </Field>
        </>
      )}
    </FormDialog>
  );
}
