import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';
import { componentsText } from './messages';
import { useValidationMessages } from '../app/validation-language';

// Only the lazily loaded dialogs import this file, so it (and Fluent's Dialog) stays out of the home view's download.

const useStyles = makeStyles({
  narrow: { maxWidth: 'min(28rem, calc(100vw - 2rem))' },
  medium: { maxWidth: 'min(36rem, calc(100vw - 2rem))' },
  wide: { maxWidth: 'min(40rem, calc(100vw - 2rem))' },
  // Fields stacked with room between them; a long value must not push the dialog wider than a phone screen.
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, '& > *': { minWidth: 0 } },
  message: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, overflowWrap: 'anywhere' },
});

/** Shared by dialogs with a pick list, so a long strategy title can't widen the dialog. */
export const useDialogPickerStyles = makeStyles({
  picker: { minWidth: 0, maxWidth: '100%' },
});

export interface FormDialogProps {
  title: ReactNode;
  /** Label of the primary action, e.g. "Save" or "Archive". */
  submitLabel: string;
  /** While true the primary action shows a spinner and the dialog can't be dismissed. */
  busy: boolean;
  /** A problem with the whole form (not one field), shown above the actions. */
  error: string | null;
  /** Runs on submit (Enter in a field or the primary action), never while busy. */
  onSubmit(): void | Promise<void>;
  onClose(): void;
  /**
   * A save met a newer version: this (a ConflictPanel) is shown instead of the fields, and the primary
   * action is hidden because the panel offers its own choices. Passed in, so dialogs without conflicts
   * don't download the panel's table.
   */
  conflict?: ReactNode;
  /** Surface width; 'default' keeps Fluent's own. */
  size?: 'narrow' | 'medium' | 'wide' | 'default';
  /** How the content is laid out: stacked fields, a message to read, or Fluent's plain content. */
  layout?: 'fields' | 'message' | 'plain';
  /**
   * A confirmation rather than a form: an alert dialog whose primary action is a plain button, and whose
   * content (the question) describes it. Form dialogs leave the description out: a screen reader would read every field.
   */
  confirm?: boolean;
  /** Let the content describe a form dialog too, when it opens with a sentence that explains the choice. */
  describedByContent?: boolean;
  children: ReactNode;
}

/** The dialog surface every edit in the tab shares: title, fields, an error bar, Cancel and a busy-aware primary action. */
export function FormDialog({
  title,
  submitLabel,
  busy,
  error,
  onSubmit,
  onClose,
  conflict,
  size = 'default',
  layout = 'fields',
  confirm = false,
  describedByContent = confirm,
  children,
}: FormDialogProps) {
  const styles = useStyles();
  const t = componentsText.useText();
  // Its fields are checked with the shared schemas: their messages in the person's language.
  useValidationMessages();
  const run = () => {
    if (!busy) void onSubmit();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run();
  };
  const body = (
    <DialogBody>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent className={layout === 'plain' ? undefined : styles[layout]}>
        {conflict ?? children}
        {error && (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
      </DialogContent>
      <DialogActions>
        <DialogTrigger disableButtonEnhancement>
          <Button disabled={busy}>{t('dialog.cancel')}</Button>
        </DialogTrigger>
        {!conflict && (
          <Button
            type={confirm ? undefined : 'submit'}
            appearance="primary"
            disabledFocusable={busy}
            icon={busy ? <Spinner size="tiny" /> : undefined}
            onClick={confirm ? run : undefined}
          >
            {submitLabel}
          </Button>
        )}
      </DialogActions>
    </DialogBody>
  );
  return (
    <Dialog open modalType={confirm ? 'alert' : undefined} onOpenChange={(_, data) => !data.open && !busy && onClose()}>
      <DialogSurface
        className={size === 'default' ? undefined : styles[size]}
        // Fluent points aria-describedby at the content unless told otherwise (undefined, present as a key).
        {...(describedByContent ? {} : { 'aria-describedby': undefined })}
      >
        {confirm ? (
          body
        ) : (
          <form onSubmit={submit} noValidate>
            {body}
          </form>
        )}
      </DialogSurface>
    </Dialog>
  );
}
