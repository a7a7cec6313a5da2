import { makeStyles, tokens } from '@fluentui/react-components';

// StartupProblem is part of the entry chunk, so this file rides there too: a chunk of its own would
// cost the home view an extra request and more bytes than the few styles it holds.

/**
 * Layout shared by the tab's pages, so every area lines up with the home view when switching tabs.
 * `page` is the <main> column; `heading` drops Fluent's default margin (the column's gap spaces headings).
 */
export const usePageStyles = makeStyles({
  page: {
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
    maxWidth: '64rem',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXXL}`,
  },
  heading: { margin: 0 },
});

/** The narrow column of the pages shown instead of the tab (outside Teams, a failed start); each sets its own padding. */
export const useNoticePageStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '40rem',
    margin: '0 auto',
    '& p, & h1': { margin: 0 },
  },
});
