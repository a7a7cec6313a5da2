import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useId, useRef, useState } from 'react';
import { componentsText } from './messages';

const useStyles = makeStyles({
  picker: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  name: { overflowWrap: 'anywhere', minWidth: 0 },
  hint: { flexBasis: '100%' },
});

export interface FilePickerProps {
  /** The button's text, which is also its accessible name, e.g. "Choose a CSV file". */
  label: string;
  /** What the browser's file dialog offers, e.g. ".csv,text/csv". */
  accept: string;
  /** Said under the button (and read with it): what kind of file to choose. */
  hint?: string;
  disabled?: boolean;
  onFile: (file: File) => void | Promise<void>;
  /** Forget the chosen name (e.g. once its content was imported). Change it to reset. */
  resetKey?: unknown;
}

/**
 * A Fluent button that opens the browser's file dialog, then says which file was chosen. The file
 * input itself is hidden (it can't take Fluent's look): the button is the control for the keyboard
 * and for screen readers, and the chosen name is announced politely.
 */
export function FilePicker({ label, accept, hint, disabled, onFile, resetKey }: FilePickerProps) {
  const styles = useStyles();
  const t = componentsText.useText();
  const input = useRef<HTMLInputElement>(null);
  const nameId = useId();
  const hintId = useId();
  const [chosen, setChosen] = useState<{ name: string; key: unknown } | null>(null);
  const name = chosen && chosen.key === resetKey ? chosen.name : null;

  const pick = (file: File | undefined) => {
    // Cleared, so choosing the same file again (after fixing it) is a change too.
    if (input.current) input.current.value = '';
    if (!file) return;
    setChosen({ name: file.name, key: resetKey });
    void onFile(file);
  };

  return (
    <div className={styles.picker}>
      <input ref={input} type="file" accept={accept} hidden tabIndex={-1} aria-hidden="true" onChange={(event) => pick(event.target.files?.[0])} />
      <Button icon={<DocumentArrowUpRegular />} disabled={disabled} aria-describedby={hint ? `${nameId} ${hintId}` : nameId} onClick={() => input.current?.click()}>
        {label}
      </Button>
      <Caption1 id={nameId} className={styles.name} aria-live="polite">
        {name ? t('file.chosen', { name }) : t('file.none')}
      </Caption1>
      {hint && (
        <Caption1 id={hintId} className={styles.hint}>
          {hint}
        </Caption1>
      )}
    </div>
  );
}
