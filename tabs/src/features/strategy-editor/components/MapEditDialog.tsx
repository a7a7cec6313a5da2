import type { ReactNode } from 'react';
import { ConflictPanel } from '../../../components/ConflictPanel';
import { FormDialog } from '../../../components/FormDialog';
import type { EditForm } from '../hooks/use-edit-form';
import { conflictRows } from '../strategy-form';

interface Props<Input extends object> {
  title: string;
  /** The dialog's state from useEditForm: busy, messages and a 412 conflict. */
  form: Pick<EditForm<Input>, 'saving' | 'formError' | 'conflict' | 'send'>;
  /** Field labels, also used for the rows of "their version and yours". */
  labels: Readonly<Record<string, string>>;
  onSubmit(): void | Promise<void>;
  onClose(changed: boolean): void;
  children: ReactNode;
}

/** An edit of the strategy map: on a 412 it shows their version next to mine, to keep theirs or re-apply mine. */
export function MapEditDialog<Input extends object>({ title, form, labels, onSubmit, onClose, children }: Props<Input>) {
  const { saving, formError, conflict, send } = form;
  return (
    <FormDialog
      title={title}
      submitLabel="Save"
      busy={saving}
      error={formError}
      onSubmit={onSubmit}
      onClose={() => onClose(false)}
      conflict={
        conflict && (
          <ConflictPanel
            rows={conflictRows(conflict.current, conflict.input, labels)}
            busy={saving}
            onUseTheirs={() => onClose(true)}
            onReapplyMine={() => void send(conflict.input, String(conflict.current.etag ?? ''))}
          />
        )
      }
      size="wide"
    >
      {children}
    </FormDialog>
  );
}
