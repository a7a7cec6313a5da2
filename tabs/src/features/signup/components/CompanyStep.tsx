import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useStepAction } from '../hooks/use-step-action';
import type { StepProps } from './SignupWizard';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '32rem' } });

/** Step 2: the company's name, as everyone will see it. */
export function CompanyStep({ api, draft, onSaved, onNext }: StepProps) {
  const styles = useStyles();
  const [name, setName] = useState(draft.companyName ?? '');
  const { busy, error, run } = useStepAction((current) => onSaved(current, 'The set-up changed meanwhile; showing the latest.'));
  const invalid = name.trim() === '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (invalid) return;
    const next = await run(() => api.update(draft.etag, { companyName: name.trim() }));
    if (!next) return;
    onSaved(next, 'Company name saved.');
    onNext();
  };

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
      <Field label="Company name" required validationMessage={invalid && name !== (draft.companyName ?? '') ? 'Give the company a name' : undefined} hint="As your people know it, e.g. Northwind Traders.">
        <Input value={name} maxLength={120} onChange={(_, data) => setName(data.value)} />
      </Field>
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button appearance="primary" type="submit" disabled={busy || invalid}>
          {busy ? 'Saving…' : 'Save and continue'}
        </Button>
      </div>
    </form>
  );
}
