import { useEffect } from 'react';

/**
 * Focus goes back to the button that opened a dialog when the dialog closes, as Fluent's
 * useRestoreFocusTarget does. Fluent's hook starts tabster (its focus manager) when the page renders,
 * 12.7 KB gzipped of the home view's download, for dialogs the home view loads only when they open.
 * This keeps the same contract (spread the attributes on the opener) in a few lines: the opener last
 * focused is remembered; when a dialog leaves the page with the focus in it (the browser then drops
 * focus on <body>, without an event), focus returns to that opener if it is still there.
 */
const TARGET = 'data-restore-focus-target';
const ATTRIBUTES = { [TARGET]: '' } as const;
const IN_DIALOG = '[role="dialog"], [role="alertdialog"]';

let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  let lastFocused: Element | null = null;
  let opener: WeakRef<HTMLElement> | null = null;
  document.addEventListener(
    'focusin',
    (event) => {
      if (!(event.target instanceof HTMLElement)) return;
      lastFocused = event.target;
      if (event.target.hasAttribute(TARGET)) opener = new WeakRef(event.target);
    },
    true,
  );
  // Fluent's dialogs live in portals, children of <body>, removed when the dialog closes: if the element last
  // focused went with a dialog and nothing has focus now, the dialog took the focus with it.
  new MutationObserver(() => {
    const focusGone = document.activeElement === null || document.activeElement === document.body;
    const left = lastFocused;
    if (!focusGone || !left || left.isConnected || !left.closest(IN_DIALOG)) return;
    const target = opener?.deref();
    if (target?.isConnected) target.focus();
  }).observe(document.body, { childList: true });
}

/** Attributes for a button that opens a dialog: focus comes back to it when the dialog closes. */
export function useRestoreFocusTarget(): typeof ATTRIBUTES {
  useEffect(install, []);
  return ATTRIBUTES;
}
