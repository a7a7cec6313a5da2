import { Suspense, lazy, useEffect, useState } from 'react';

const TabsterKeeper = lazy(() => import('./TabsterKeeper'));

/** tabster marks <body> when it starts (its automatic root). */
const started = () => document.body.hasAttribute('data-tabster');

/**
 * Keeps Fluent's focus manager (tabster) alive once something has started it. tabster lives while a
 * component holds it; a modal dialog hides the rest of the page (aria-hidden) and, if it was the last
 * holder, tabster is gone before it can show the page again, which stays hidden from screen readers.
 * The shell used to hold tabster from the start (Fluent's TabList); the home view no longer downloads
 * it (see AreaTabs.tsx), so this holds it from the first component that starts it, e.g. a dialog,
 * and for the rest of the visit, as before.
 */
export function KeepTabster() {
  const [keep, setKeep] = useState(started);
  useEffect(() => {
    if (keep) return;
    const observer = new MutationObserver(() => {
      if (started()) setKeep(true);
    });
    observer.observe(document.body, { attributes: true, attributeFilter: ['data-tabster'] });
    return () => observer.disconnect();
  }, [keep]);
  return keep ? (
    <Suspense fallback={null}>
      <TabsterKeeper />
    </Suspense>
  ) : null;
}
