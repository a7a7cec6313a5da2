import type { SignupDraft, SignupStatus } from '@contracts';
import { Body1, Button, ProgressBar, Title2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { usePageStyles } from '../../../components/page-styles';
import type { SignupApi } from '../api/signup-api';
import { signupText } from '../messages';
import { STEPS, firstOpenStep, stepDone, type StepKey } from '../wizard-steps';
import { CompanyStep } from './CompanyStep';
import { ConsentStep } from './ConsentStep';
import { FinishStep } from './FinishStep';
import { StatementStep } from './StatementStep';
import { StrategiesStep } from './StrategiesStep';
import { TeamsStep } from './TeamsStep';

const useStyles = makeStyles({
  steps: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, margin: 0, padding: 0, listStyle: 'none' },
  current: { fontWeight: tokens.fontWeightSemibold },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '48rem' },
});

export interface SignupWizardProps {
  api: SignupApi;
  status: SignupStatus;
  draft: SignupDraft;
  onSaved(draft: SignupDraft): void;
  onFinished(): void;
}

/** The first-run wizard: six steps, each saved as it is left, so the set-up can stop and carry on. */
export function SignupWizard({ api, status, draft, onSaved, onFinished }: SignupWizardProps) {
  const page = usePageStyles();
  const styles = useStyles();
  const t = signupText.useText();
  const [index, setIndex] = useState(() => firstOpenStep(draft));
  const [announcement, setAnnouncement] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const step = STEPS[index]!;
  const label = (key: StepKey) => t(`step.${key}`);

  const goTo = (next: number) => {
    setIndex(next);
    // Keyboard and screen reader users land on the new step's heading.
    requestAnimationFrame(() => heading.current?.focus());
  };
  const saved = (next: SignupDraft, message: string) => {
    onSaved(next);
    setAnnouncement(message);
  };
  const props = { api, draft, onSaved: saved, onNext: () => goTo(Math.min(index + 1, STEPS.length - 1)) };

  return (
    <main className={page.page} aria-labelledby="signup-heading">
      <div>
        <Body1>{t('wizard.stepOf', { step: index + 1, total: STEPS.length })}</Body1>
        <ProgressBar value={(index + 1) / STEPS.length} aria-label={t('wizard.progress', { step: index + 1, total: STEPS.length })} thickness="large" />
      </div>
      <nav aria-label={t('wizard.steps')}>
        <ol className={styles.steps}>
          {STEPS.map((candidate, position) => (
            <li key={candidate.key}>
              <Button
                appearance={position === index ? 'primary' : 'subtle'}
                size="small"
                className={mergeClasses(position === index && styles.current)}
                aria-current={position === index ? 'step' : undefined}
                icon={stepDone(candidate.key, draft) ? <CheckmarkCircleRegular aria-label={t('wizard.done')} /> : undefined}
                onClick={() => goTo(position)}
              >
                {t('wizard.stepButton', { number: position + 1, label: label(candidate.key) })}
              </Button>
            </li>
          ))}
        </ol>
      </nav>
      <section className={styles.body} aria-labelledby="signup-heading">
        <h1 id="signup-heading" className={page.heading} ref={heading} tabIndex={-1}>
          <Title2>{label(step.key)}</Title2>
        </h1>
        {step.key === 'consent' && <ConsentStep {...props} permissions={status.permissions} />}
        {step.key === 'company' && <CompanyStep {...props} />}
        {step.key === 'statement' && <StatementStep {...props} />}
        {step.key === 'strategies' && <StrategiesStep {...props} />}
        {step.key === 'teams' && <TeamsStep {...props} />}
        {step.key === 'finish' && <FinishStep {...props} onFinished={onFinished} goTo={goTo} />}
      </section>
      <div role="status" aria-live="polite" data-testid="signup-announcement">
        {announcement}
      </div>
    </main>
  );
}

export interface StepProps {
  api: SignupApi;
  draft: SignupDraft;
  onSaved(draft: SignupDraft, message: string): void;
  onNext(): void;
}
