import { makeStyles, tokens } from '@fluentui/react-components';
import { componentsText } from './messages';
import { wordDiff } from './word-diff';

const useStyles = makeStyles({
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
  // Not colour alone: removed text is struck through, added text underlined, and both are named for screen readers.
  removed: {
    textDecorationLine: 'line-through',
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorNeutralForeground1,
    '@media (forced-colors: active)': { backgroundColor: 'Canvas', color: 'CanvasText' },
  },
  added: {
    textDecorationLine: 'underline',
    textDecorationThickness: tokens.strokeWidthThick,
    backgroundColor: tokens.colorPaletteGreenBackground1,
    color: tokens.colorNeutralForeground1,
    '@media (forced-colors: active)': { backgroundColor: 'Canvas', color: 'CanvasText' },
  },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

/** Before → after as one text: removed words struck through, added words underlined, each announced as such. */
export function TextDiff({ before, after }: { before: string; after: string }) {
  const styles = useStyles();
  const t = componentsText.useText();
  return (
    <p className={styles.text} dir="auto">
      {wordDiff(before, after).map((part, index) =>
        part.kind === 'same' ? (
          <span key={index}>{part.text}</span>
        ) : part.kind === 'removed' ? (
          <del key={index} className={styles.removed}>
            <span className={styles.hidden}>{t('diff.removedStart')}</span>
            {part.text}
            <span className={styles.hidden}>{t('diff.end')}</span>
          </del>
        ) : (
          <ins key={index} className={styles.added}>
            <span className={styles.hidden}>{t('diff.addedStart')}</span>
            {part.text}
            <span className={styles.hidden}>{t('diff.end')}</span>
          </ins>
        ),
      )}
    </p>
  );
}
