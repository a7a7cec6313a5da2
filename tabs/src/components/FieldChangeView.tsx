import { makeStyles, tokens } from '@fluentui/react-components';
import { componentsText } from './messages';
import type { FieldChange } from './strategy-map-labels';
import { TextDiff } from './TextDiff';

const useStyles = makeStyles({
  change: { display: 'grid', gap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: 'anywhere' },
  pick: { margin: 0, whiteSpace: 'pre-wrap' },
});

/**
 * One field's change as the history and the import preview show it: a pick as "from … to …", free
 * text in full with removed words struck through and added words underlined. `created`: there was
 * no before (a new strategy), so just the value.
 */
export function FieldChangeView({ change, created = false }: { change: FieldChange; created?: boolean }) {
  const styles = useStyles();
  const t = componentsText.useText();
  if (change.kind === 'pick') {
    return (
      <p className={styles.pick}>
        {/* A label and its value, as a definition list pairs them. */}
        <strong>{t('change.label', { field: change.label })}</strong>{' '}
        {created ? change.after : t('change.fromTo', { before: change.before, after: change.after })}
      </p>
    );
  }
  const text = (value: string) => (value === t('value.none') ? '' : value);
  return (
    <div className={styles.change}>
      <strong>{change.label}</strong>
      <TextDiff before={created ? text(change.after) : text(change.before)} after={text(change.after)} />
    </div>
  );
}
