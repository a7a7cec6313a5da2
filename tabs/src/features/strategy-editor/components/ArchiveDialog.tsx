import { LIMITS } from '@contracts';
import { Field, Radio, RadioGroup, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { FormDialog, useDialogPickerStyles } from '../../../components/FormDialog';
import type { SaveOutcome } from '../../../app/save-outcome';
import type { ArchiveInput, EditableStrategy } from '../api/schemas';
import { strategyEditorText } from '../messages';

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
  const t = strategyEditorText.useText();
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
        strategyId: target ? undefined : t('archive.pickTarget'),
        howItServes: sentence ? (sentence.length > LIMITS.howItServes ? t('form.tooLong', { limit: LIMITS.howItServes }) : undefined) : t('archive.sayHow'),
      };
      if (problems.strategyId || problems.howItServes) return setErrors(problems);
      input = { moveTasksTo: { strategyId: target, howItServes: sentence } };
    }
    setSaving(true);
    const outcome = await archive(input);
    setSaving(false);
    if (outcome.kind === 'done') return onClose(true, input.moveTasksTo ? others.find((other) => other.id === target)?.title : undefined);
    if (outcome.kind === 'conflict') {
      setFormError(t('archive.conflict'));
      return;
    }
    setErrors({ strategyId: outcome.fields['moveTasksTo.strategyId'] ?? outcome.fields.moveTasksTo, howItServes: outcome.fields['moveTasksTo.howItServes'] });
    setFormError(outcome.message);
  };

  return (
    <FormDialog
      title={t('archive.title', { title: strategy.title })}
      submitLabel={t('archive.submit')}
      busy={saving}
      error={formError}
      onSubmit={submit}
      onClose={() => onClose(false)}
      size="medium"
      describedByContent
    >
      <p>{t('archive.question')}</p>
      <Field label={t('archive.tasks')}>
        <RadioGroup value={choice} onChange={(_, data) => setChoice(data.value as 'move' | 'leave')}>
          <Radio value="move" label={t('archive.move')} disabled={others.length === 0} />
          <Radio value="leave" label={t('archive.leave')} />
        </RadioGroup>
      </Field>
      {choice === 'move' && (
        <>
          <Field label={t('archive.target')} validationMessage={errors.strategyId} validationState={errors.strategyId ? 'error' : 'none'}>
            <Select className={styles.picker} value={target} onChange={(_, data) => setTarget(data.value)}>
              {others.map((other) => (
                <option key={other.id} value={other.id}>
                  {other.title}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label={t('archive.how')}
            required
            hint={t('archive.howHint')}
            validationMessage={errors.howItServes}
            validationState={errors.howItServes ? 'error' : 'none'}
          >
            <Textarea dir="auto" resize="vertical" rows={2} value={howItServes} onChange={(_, data) => setHowItServes(data.value)} />
          </Field>
        </>
      )}
    </FormDialog>
  );
}
