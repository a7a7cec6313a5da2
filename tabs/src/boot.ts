/**
 * The tab's first script, and all that a browser outside Teams runs before it knows: teams-js can
 * reach a Teams host only through a parent frame, an opener window or a mobile client's native
 * bridge (`nativeInterface`). With none of them this is not Teams, and the page that says so loads
 * alone, without React, Fluent or the shell. Otherwise the shell loads (main.tsx); it still asks
 * teams-js, and shows the same page if no host answers in time (a frame that isn't Teams).
 */
const root = document.getElementById('root');
if (!root) throw new Error('index.html lost its #root element');

const mayHaveHost = window.parent !== window || window.opener !== null || 'nativeInterface' in window;

if (mayHaveHost) {
  void import('./main');
} else {
  // The page says why in the browser's language: no Teams host to ask.
  void import('./components/outside-teams-page').then(({ renderOutsideTeamsPage }) => renderOutsideTeamsPage(root));
}
