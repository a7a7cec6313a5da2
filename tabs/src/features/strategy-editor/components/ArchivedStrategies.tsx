import { Body1, Button, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowUndoRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { SaveOutcome } from '../../../app/save-outcome';
import type { EditableStrategy } from '../api/schemas';

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
  error: { color: tokens.colorPaletteRedForeground1 },
});

interface Props {
  strategies: EditableStrategy[];
  restore(strategy: EditableStrategy): Promise<SaveOutcome>;
  onRestored(strategy: EditableStrategy): void;
}

/** Archived strategies stay on record and can come back. */
export function ArchivedStrategies({ strategies, restore, onRestored }: Props) {
  const styles = useStyles();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ id: string; text: string } | null>(null);
  if (strategies.length === 0) return null;

  const restoreOne = async (strategy: EditableStrategy) => {
    setBusy(strategy.id);
    setProblem(null);
    const outcome = await restore(strategy);
    setBusy(null);
    if (outcome.kind === 'done') return onRestored(strategy);
    setProblem({
      id: strategy.id,
      text: outcome.kind === 'conflict' ? 'Someone else changed it meanwhile; reload and try again.' : (outcome.message ?? 'It could not be restored.'),
    });
  };

  return (
    <section className={styles.section} aria-labelledby="archived-heading">
      <Subtitle2 as="h2" id="archived-heading" className={styles.heading}>
        Archived strategies
      </Subtitle2>
      <ul className={styles.list}>
        {strategies.map((strategy) => (
          <li key={strategy.id} className={styles.item}>
            <Body1>{strategy.title}</Body1>
            {problem?.id === strategy.id && (
              <Body1 role="alert" className={styles.error}>
                {problem.text}
              </Body1>
            )}
            <Button
              size="small"
              icon={<ArrowUndoRegular />}
              aria-label={`Restore ${strategy.title}`}
              disabledFocusable={busy !== null}
              onClick={() => void restoreOne(strategy)}
            >
              Restore
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
