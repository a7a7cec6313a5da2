import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled, Circle20Regular } from '@fluentui/react-icons';
import type { MyModule, OnboardingProgress } from '../../../../../api/src/shared/onboarding-learner-contracts';
import { onboardingText } from '../messages';
import { isStepDone, sameStep, type PlayerStep } from '../player-steps';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  done: { color: tokens.colorPaletteGreenForeground1 },
});

export interface StepNavProps {
  module: MyModule;
  progress: OnboardingProgress;
  steps: readonly PlayerStep[];
  current: PlayerStep;
  onPick: (step: PlayerStep) => void;
}

/** Every step of the module, marked done or not, so a person can go back to any of them. */
export function StepNav({ module, progress, steps, current, onPick }: StepNavProps) {
  const t = onboardingText.useText();
  const styles = useStyles();
  const describe = (step: PlayerStep, number: number): { label: string; done: boolean } => {
    const done = isStepDone(step, module, progress);
    if (step.kind === 'section') return { label: t('step', { number, name: module.sections.find((section) => section.id === step.sectionId)?.title ?? t('section') }), done };
    return { label: t('step', { number, name: step.kind === 'checks' ? t('checks') : t('finish') }), done };
  };
  return (
    <nav aria-label={t('steps')}>
      <ol className={styles.list}>
        {steps.map((step, index) => {
          const { label, done } = describe(step, index + 1);
          const here = sameStep(step, current);
          return (
            <li key={step.kind === 'section' ? step.sectionId : step.kind}>
              <Button
                size="small"
                appearance={here ? 'primary' : 'subtle'}
                aria-current={here ? 'step' : undefined}
                icon={done ? <CheckmarkCircle20Filled className={here ? undefined : styles.done} /> : <Circle20Regular />}
                aria-label={done ? t('stepDone', { label }) : label}
                onClick={() => onPick(step)}
              >
                {label}
              </Button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
