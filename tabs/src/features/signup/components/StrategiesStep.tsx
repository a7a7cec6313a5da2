import { Body1, Button, Card, Field, Input, MessageBar, MessageBarBody, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useEffect, useState, type FormEvent } from 'react';
import { useStepAction } from '../hooks/use-step-action';
import { signupText } from '../messages';
import type { StepProps } from './SignupWizard';
import { StrategySources } from './StrategySources';
import { StepFooter } from './StepFooter';

type Editing = { id?: string; title: string; why: string; customerImpact: string; measures: string[] };

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: { gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** Step 4: the first strategies, by hand, from a starter template or from an existing export. */
export function StrategiesStep({ api, draft, onSaved, onNext }: StepProps) {
  const styles = useStyles();
  const t = signupText.useText();
  const [strategies, setStrategies] = useState<Editing[]>(draft.strategies);
  const [tried, setTried] = useState(false);
  const { busy, error, run } = useStepAction((current) => onSaved(current, signupText.text('stale')));
  // An import replaces the draft's strategies: show what it brought.
  useEffect(() => setStrategies(draft.strategies), [draft.strategies]);
  const untitled = strategies.some((strategy) => strategy.title.trim() === '');

  const change = (index: number, fields: Partial<Editing>) => setStrategies((current) => current.map((s, i) => (i === index ? { ...s, ...fields } : s)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (untitled || strategies.length === 0) return;
    const next = await run(() => api.update(draft.etag, { strategies: strategies.map((s) => ({ ...(s.id ? { id: s.id } : {}), title: s.title.trim(), why: s.why.trim(), customerImpact: s.customerImpact.trim(), measures: s.measures })) }));
    if (!next) return;
    onSaved(next, t('strategies.saved', { count: next.strategies.length }));
    onNext();
  };

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
      <Body1>{t('strategies.intro')}</Body1>
      <StrategySources api={api} draft={draft} onSaved={onSaved} onTemplate={(chosen) => setStrategies(chosen.map((s) => ({ ...s })))} />
      {strategies.map((strategy, index) => (
        <Card key={strategy.id ?? `new-${index}`} className={styles.card} role="group" aria-label={t('strategies.strategy', { number: index + 1 })}>
          <div className={styles.header}>
            <Body1>
              <strong>{t('strategies.strategy', { number: index + 1 })}</strong>
            </Body1>
            <Button icon={<DeleteRegular />} aria-label={t('strategies.remove', { number: index + 1 })} onClick={() => setStrategies((current) => current.filter((_, i) => i !== index))} />
          </div>
          <Field label={t('strategies.title')} required validationMessage={tried && strategy.title.trim() === '' ? t('strategies.titleRequired') : undefined}>
            <Input dir="auto" value={strategy.title} maxLength={120} onChange={(_, data) => change(index, { title: data.value })} />
          </Field>
          <Field label={t('strategies.why')}>
            <Textarea dir="auto" value={strategy.why} maxLength={2000} onChange={(_, data) => change(index, { why: data.value })} />
          </Field>
          <Field label={t('strategies.customers')}>
            <Textarea dir="auto" value={strategy.customerImpact} maxLength={2000} onChange={(_, data) => change(index, { customerImpact: data.value })} />
          </Field>
        </Card>
      ))}
      <div>
        <Button icon={<AddRegular />} disabled={strategies.length >= 30} onClick={() => setStrategies((current) => [...current, { title: '', why: '', customerImpact: '', measures: [] }])}>
          {t('strategies.add')}
        </Button>
      </div>
      {tried && strategies.length === 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('strategies.atLeastOne')}</MessageBarBody>
        </MessageBar>
      )}
      <StepFooter error={error} busy={busy} />
    </form>
  );
}
