import { useEffect, useRef } from 'react';

/**
 * Brings the task just added or saved into view and moves focus to it (a screen reader then reads
 * it; the page's status line has already said "Added …"). It waits for the dialog to be gone:
 * closing restores focus to the button that opened it, which would otherwise win.
 */
export function useRevealTask(highlight: { taskId: string; count: number } | null, viewShown: boolean) {
  const revealed = useRef(0);
  useEffect(() => {
    if (!highlight || !viewShown || revealed.current === highlight.count) return;
    let frame = 0;
    let waited = 0;
    let closedFor = 0;
    const reveal = () => {
      const dialogOpen = document.querySelector('[role="dialog"], [role="alertdialog"]') !== null;
      closedFor = dialogOpen ? 0 : closedFor + 1;
      // Two frames without a dialog: its focus restore has run. After ~2 s of frames with a dialog still
      // open (the person opened another one), give up: moving focus now would take it out of that dialog.
      if (closedFor < 2) {
        if ((waited += 1) < 120) frame = requestAnimationFrame(reveal);
        return;
      }
      const item = document.getElementById(`task-${highlight.taskId}`);
      if (!item) return;
      revealed.current = highlight.count;
      const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      item.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
      item.focus({ preventScroll: true });
    };
    frame = requestAnimationFrame(reveal);
    return () => cancelAnimationFrame(frame);
  }, [highlight, viewShown]);
}
