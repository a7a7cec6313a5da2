import { Body1, Button, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowUndoRegular } from '@fluentui/react-icons';
import type { EditableStrategy } from '../api/schemas';
import { strategyEditorText } from '../messages';

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
  },
});

interface Props {
  strategies: EditableStrategy[];
  /** Asks before restoring (the page opens the question). */
  onRestore(strategy: EditableStrategy): void;
}

/** Archived strategies stay on record and can come back. */
export function ArchivedStrategies({ strategies, onRestore }: Props) {
  const styles = useStyles();
  const t = strategyEditorText.useText();
  if (strategies.length === 0) return null;

  return (
    <section className={styles.section} aria-labelledby="archived-heading">
      <Subtitle2 as="h2" id="archived-heading" className={styles.heading}>
        {t('archived.heading')}
      </Subtitle2>
      <ul className={styles.list}>
        {strategies.map((strategy) => (
          <li key={strategy.id} className={styles.item}>
            <Body1 dir="auto">{strategy.title}</Body1>
            <Button
              size="small"
              icon={<ArrowUndoRegular />}
              aria-label={t('archived.restoreLabel', { title: strategy.title })}
              onClick={() => onRestore(strategy)}
            >
              {t('archived.restore')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
