import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useStepAction } from '../hooks/use-step-action';
import { signupText } from '../messages';
import type { StepProps } from './SignupWizard';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '32rem' } });

/** Step 2: the company's name, as everyone will see it. */
export function CompanyStep({ api, draft, onSaved, onNext }: StepProps) {
  const styles = useStyles();
  const t = signupText.useText();
  const [name, setName] = useState(draft.companyName ?? '');
  const { busy, error, run } = useStepAction((current) => onSaved(current, signupText.text('stale')));
  const invalid = name.trim() === '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (invalid) return;
    const next = await run(() => api.update(draft.etag, { companyName: name.trim() }));
    if (!next) return;
    onSaved(next, t('company.saved'));
    onNext();
  };

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
      <Field label={t('company.name')} required validationMessage={invalid && name !== (draft.companyName ?? '') ? t('company.required') : undefined} hint={t('company.hint')}>
        <Input dir="auto" value={name} maxLength={120} onChange={(_, data) => setName(data.value)} />
      </Field>
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button appearance="primary" type="submit" disabled={busy || invalid}>
          {busy ? t('saving') : t('saveAndContinue')}
        </Button>
      </div>
    </form>
  );
}
