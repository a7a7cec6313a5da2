import { makeStyles, tokens } from '@fluentui/react-components';

/** Table cells that show what people typed: keep their line breaks, wrap long words, align rows at the top. */
export const useTextCellStyles = makeStyles({
  cell: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', verticalAlign: 'top', paddingBlock: tokens.spacingVerticalXS },
});
