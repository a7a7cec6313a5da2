import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { hrefFor } from '../../../app/routes';
import type { LoadOutcome } from '../../../app/teams-session';
import { useLoaded } from '../../../app/use-loaded';
import type { AnswerRecord, MyModule, OnboardingProgress } from '../../../../../api/src/shared/onboarding-learner-contracts';
import { acknowledge, loadMyModule, markOpenedFromNotification, saveSectionDone, submitAnswer } from '../api/onboarding-api';
import { onboardingText } from '../messages';
import { firstOpenStep, stepsDoneText, stepsOf, type PlayerStep } from '../player-steps';

/** A module opened to read: where I am in it, and every change saved as I go (so I can resume on any device). */
export function useModulePlayer(client: ApiClient, assignmentId: string, fromNotification: boolean, onFirstLoad?: (outcome: LoadOutcome) => void) {
  const load = useCallback((signal: AbortSignal) => loadMyModule(client, assignmentId, signal), [client, assignmentId]);
  const { state, reload } = useLoaded<MyModule>(load, onFirstLoad);
  const [progress, setProgress] = useState<OnboardingProgress | null>(null);
  const [step, setStep] = useState<PlayerStep | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  /** Said politely to screen readers: "Section saved", "Module completed". */
  const [announcement, setAnnouncement] = useState('');
  const marked = useRef(false);

  const module = state.status === 'ready' ? state.data : null;
  useEffect(() => {
    if (!module) return;
    setProgress(module.progress);
    setStep((current) => current ?? firstOpenStep(module, module.progress));
  }, [module]);

  // Opened from the Teams notification: say so once, then drop the marker so a reload doesn't repeat it.
  useEffect(() => {
    if (!fromNotification || marked.current) return;
    marked.current = true;
    void markOpenedFromNotification(client, assignmentId).catch(() => undefined);
    window.history.replaceState(null, '', hrefFor('onboarding', { assignment: assignmentId }));
  }, [client, assignmentId, fromNotification]);

  const run = useCallback(async <T,>(action: () => Promise<T>, done: (result: T) => void): Promise<boolean> => {
    setBusy(true);
    setProblem(null);
    try {
      done(await action());
      return true;
    } catch (error) {
      setProblem(whatWentWrong(error));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  const steps = module && progress ? stepsOf(module) : [];

  const finishSection = async (sectionId: string) => {
    const index = steps.findIndex((candidate) => candidate.kind === 'section' && candidate.sectionId === sectionId);
    const saved = await run(
      () => saveSectionDone(client, assignmentId, sectionId, true),
      (next) => {
        setProgress(next);
        if (module) setAnnouncement(onboardingText.text('sectionSaved', { steps: stepsDoneText(module, next) }));
      },
    );
    if (saved) setStep(steps[index + 1] ?? null);
  };

  const answer = async (questionId: string, selected: string[]): Promise<AnswerRecord | null> => {
    let record: AnswerRecord | null = null;
    await run(
      () => submitAnswer(client, assignmentId, questionId, selected),
      (result) => {
        record = result.answer;
        setProgress(result.progress);
      },
    );
    return record;
  };

  const complete = () =>
    run(
      () => acknowledge(client, assignmentId),
      (next) => {
        setProgress(next);
        if (module) setAnnouncement(onboardingText.text('moduleCompleted', { steps: stepsDoneText(module, next) }));
      },
    );

  return { state, reload, module, progress, steps, step, setStep, busy, problem, announcement, finishSection, answer, complete };
}
