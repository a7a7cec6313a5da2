import { Button, Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import { useStepAction } from '../hooks/use-step-action';
import { signupText } from '../messages';
import type { StepProps } from './SignupWizard';
import { StepFooter } from './StepFooter';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  value: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** Step 3: vision, mission, values and what makes the company different for its customers. */
export function StatementStep({ api, draft, onSaved, onNext }: StepProps) {
  const styles = useStyles();
  const t = signupText.useText();
  const initial = draft.statement ?? { vision: '', mission: '', values: [], differentiator: '' };
  const [vision, setVision] = useState(initial.vision);
  const [mission, setMission] = useState(initial.mission);
  const [differentiator, setDifferentiator] = useState(initial.differentiator);
  const [values, setValues] = useState(initial.values);
  const [tried, setTried] = useState(false);
  const { busy, error, run } = useStepAction((current) => onSaved(current, signupText.text('stale')));
  const visionMissing = vision.trim() === '';
  const unnamedValue = values.findIndex((value) => value.name.trim() === '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (visionMissing || unnamedValue >= 0) return;
    const statement = { vision: vision.trim(), mission: mission.trim(), differentiator: differentiator.trim(), values: values.map((v) => ({ name: v.name.trim(), description: v.description.trim() })) };
    const next = await run(() => api.update(draft.etag, { statement }));
    if (!next) return;
    onSaved(next, t('statement.saved'));
    onNext();
  };

  const setValue = (index: number, change: Partial<{ name: string; description: string }>) =>
    setValues((current) => current.map((value, position) => (position === index ? { ...value, ...change } : value)));

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
      <Field label={t('statement.vision')} required validationMessage={tried && visionMissing ? t('statement.visionRequired') : undefined} hint={t('statement.visionHint')}>
        <Textarea dir="auto" value={vision} maxLength={2000} onChange={(_, data) => setVision(data.value)} resize="vertical" />
      </Field>
      <Field label={t('statement.mission')} hint={t('statement.missionHint')}>
        <Textarea dir="auto" value={mission} maxLength={2000} onChange={(_, data) => setMission(data.value)} resize="vertical" />
      </Field>
      <Field label={t('statement.differentiator')}>
        <Textarea dir="auto" value={differentiator} maxLength={2000} onChange={(_, data) => setDifferentiator(data.value)} resize="vertical" />
      </Field>
      <fieldset className={styles.fieldset}>
        <legend>{t('statement.values')}</legend>
        {values.map((value, index) => (
          <div key={index} className={styles.value}>
            <div>
              <Field label={t('statement.value', { number: index + 1 })} required validationMessage={tried && value.name.trim() === '' ? t('statement.valueRequired') : undefined}>
                <Input dir="auto" value={value.name} maxLength={80} onChange={(_, data) => setValue(index, { name: data.value })} />
              </Field>
              <Field label={t('statement.valueMeans', { number: index + 1 })}>
                <Input dir="auto" value={value.description} maxLength={300} onChange={(_, data) => setValue(index, { description: data.value })} />
              </Field>
            </div>
            <Button icon={<DeleteRegular />} aria-label={t('statement.removeValue', { number: index + 1 })} onClick={() => setValues((current) => current.filter((_, position) => position !== index))} />
          </div>
        ))}
        <div>
          <Button icon={<AddRegular />} disabled={values.length >= 10} onClick={() => setValues((current) => [...current, { name: '', description: '' }])}>
            {t('statement.addValue')}
          </Button>
        </div>
      </fieldset>
      <StepFooter error={error} busy={busy} />
    </form>
  );
}
