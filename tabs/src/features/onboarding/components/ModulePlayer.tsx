import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Link,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Title3,
  makeStyles,
  mergeClasses,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { ApiError, type ApiClient } from '../../../app/api-client';
import { usePageStyles } from '../../../components/page-styles';
import { whatWentWrong } from '../../../app/error-text';
import { hrefFor } from '../../../app/routes';
import type { LoadOutcome } from '../../../app/teams-session';
import { useModulePlayer } from '../hooks/use-module-player';
import { missingForCompletion, sameStep, stepsDoneText } from '../player-steps';
import { assignmentProgress, dueText, formatDay } from '../progress-text';
import { ContentBlocks } from '../../../components/module-view/ContentBlocks';
import { KnowledgeCheck } from '../../../components/module-view/KnowledgeCheck';
import { activeDirection, formatList } from '../../../i18n';
import { onboardingText } from '../messages';
import { NextModule } from './NextModule';
import { StepNav } from './StepNav';

const useStyles = makeStyles({
  page: { overflowWrap: 'anywhere' },
  heading: { margin: 0 },
  header: { display: 'grid', gap: tokens.spacingVerticalXS },
  stepHeading: { ...typographyStyles.subtitle1, margin: 0 },
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  checks: { display: 'grid', gap: tokens.spacingVerticalXL },
  live: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

export interface ModulePlayerProps {
  client: ApiClient;
  assignmentId: string;
  fromNotification: boolean;
  onFirstLoad?: ((outcome: LoadOutcome) => void) | undefined;
}

/** One module, a step at a time: its sections, its knowledge checks, then the acknowledgement that completes it. */
export function ModulePlayer({ client, assignmentId, fromNotification, onFirstLoad }: ModulePlayerProps) {
  const t = onboardingText.useText();
  const styles = useStyles();
  const layout = usePageStyles();
  const player = useModulePlayer(client, assignmentId, fromNotification, onFirstLoad);
  const { state, module, progress, steps, step, busy } = player;
  const [acknowledged, setAcknowledged] = useState(false);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // Moving to another step puts focus on its heading, so keyboard and screen reader users start reading there.
  useEffect(() => {
    if (moved.current) stepHeading.current?.focus();
    moved.current = step !== null;
  }, [step]);

  const back = (
    <Link href={hrefFor('onboarding')} aria-label={t('back')}>
      {/* The arrow points back the way the page reads: left in English, right in Arabic. */}
      <span aria-hidden="true">{activeDirection() === 'rtl' ? '→' : '←'}</span> {t('backLink')}
    </Link>
  );

  if (state.status === 'loading' || (state.status === 'ready' && (!module || !progress || !step))) {
    return (
      <main className={mergeClasses(layout.page, styles.page)}>
        {back}
        <Spinner label={t('opening')} />
      </main>
    );
  }
  if (state.status === 'error' || !module || !progress || !step) {
    return (
      <main className={mergeClasses(layout.page, styles.page)}>
        {back}
        <Title3 as="h1" className={styles.heading}>
          {t('module')}
        </Title3>
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            {state.status === 'error' && state.error instanceof ApiError && state.error.status === 404
              ? t('notAssigned')
              : t('openFailed', { reason: state.status === 'error' ? whatWentWrong(state.error) : '' })}
          </MessageBarBody>
        </MessageBar>
        <div className={styles.actions}>
          <Button onClick={() => void player.reload()}>{t('tryAgain')}</Button>
        </div>
      </main>
    );
  }

  const counts = {
    ...module.assignment,
    status: progress.status,
    sectionsDone: progress.sectionsDone.length,
    questionsAnswered: progress.answers.length,
  };
  const overall = assignmentProgress(counts);
  const index = steps.findIndex((candidate) => sameStep(candidate, step));
  const previous = index > 0 ? steps[index - 1] : undefined;
  const section = step.kind === 'section' ? module.sections.find((candidate) => candidate.id === step.sectionId) : undefined;
  const sectionDone = section ? progress.sectionsDone.includes(section.id) : false;
  const missing = missingForCompletion(module, progress);
  const completed = progress.completedAt !== null;

  return (
    <main className={mergeClasses(layout.page, styles.page)}>
      {back}
      <div className={styles.header}>
        <Title3 as="h1" className={styles.heading} lang={module.language} dir="auto">
          {module.assignment.title}
        </Title3>
        <Caption1>
          {t('meta', {
            due: dueText({ ...module.assignment, status: progress.status, completedAt: progress.completedAt }),
            minutes: module.assignment.estimatedMinutes,
            version: progress.version,
          })}
        </Caption1>
      </div>
      <ProgressBar value={overall.fraction} thickness="large" color={completed ? 'success' : 'brand'} aria-label={t('moduleProgress')} aria-valuetext={overall.text} />
      <Caption1>{stepsDoneText(module, progress)}</Caption1>
      <StepNav module={module} progress={progress} steps={steps} current={step} onPick={player.setStep} />
      <div className={styles.live} role="status" aria-live="polite">
        {player.announcement}
      </div>
      {player.problem && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{player.problem}</MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.step} aria-labelledby="player-step-heading">
        {section && (
          <>
            <h2 id="player-step-heading" ref={stepHeading} tabIndex={-1} className={styles.stepHeading} lang={module.language} dir="auto">
              {section.title}
            </h2>
            {/* The module's words are in the language the API answered (its translation or original). */}
            <div lang={module.language} dir="auto">
              <ContentBlocks blocks={section.blocks} />
            </div>
          </>
        )}
        {step.kind === 'checks' && (
          <>
            <h2 id="player-step-heading" ref={stepHeading} tabIndex={-1} className={styles.stepHeading}>
              {t('checks')}
            </h2>
            <Body1 as="p">{t('checksIntro')}</Body1>
            <div className={styles.checks}>
              {module.questions.map((question, questionIndex) => (
                <KnowledgeCheck
                  key={question.id}
                  question={question}
                  number={questionIndex + 1}
                  answered={progress.answers.find((answer) => answer.questionId === question.id)}
                  busy={busy}
                  onAnswer={(selected) => player.answer(question.id, selected)}
                />
              ))}
            </div>
          </>
        )}
        {step.kind === 'finish' && (
          <>
            <h2 id="player-step-heading" ref={stepHeading} tabIndex={-1} className={styles.stepHeading}>
              {completed ? t('completed') : t('finish')}
            </h2>
            {completed ? (
              <>
                <MessageBar intent="success" layout="multiline">
                  <MessageBarBody>
                    {t('completedOnAck', { date: formatDay((progress.completedAt ?? '').slice(0, 10)), acknowledgement: module.acknowledgement })}
                  </MessageBarBody>
                </MessageBar>
                <NextModule client={client} currentAssignmentId={assignmentId} />
              </>
            ) : (
              <>
                {missing.length > 0 && (
                  <MessageBar intent="info" layout="multiline">
                    <MessageBarBody>
                      {t('beforeComplete', { missing: formatList(missing, 'unit') })}
                    </MessageBarBody>
                  </MessageBar>
                )}
                <Checkbox label={module.acknowledgement} checked={acknowledged} disabled={missing.length > 0} onChange={(_, data) => setAcknowledged(data.checked === true)} />
              </>
            )}
          </>
        )}
        <div className={styles.actions}>
          {previous && (
            <Button disabled={busy} onClick={() => player.setStep(previous)}>
              {t('previous')}
            </Button>
          )}
          {section && (
            <Button appearance="primary" disabled={busy} onClick={() => (sectionDone ? player.setStep(steps[index + 1] ?? null) : void player.finishSection(section.id))}>
              {sectionDone ? t('next') : t('markRead')}
            </Button>
          )}
          {step.kind === 'checks' && (
            <Button appearance="primary" disabled={busy} onClick={() => player.setStep(steps[index + 1] ?? null)}>
              {t('continue')}
            </Button>
          )}
          {step.kind === 'finish' && !completed && (
            <Button appearance="primary" disabled={busy || !acknowledged || missing.length > 0} onClick={() => void player.complete()}>
              {t('complete')}
            </Button>
          )}
        </div>
      </section>
    </main>
  );
}
