import type { ReactNode } from 'react';
import { FieldConflictPanel, type FieldConflict } from '../../../components/FieldConflictPanel';
import { FormDialog } from '../../../components/FormDialog';
import { labelOf, valueInWords } from '../../../components/strategy-map-labels';
import type { EditForm } from '../hooks/use-edit-form';
import { strategyEditorText } from '../messages';

/** How a dialog's form values relate to the documents the API sends back and takes. */
export interface FormMapping<Values, Input> {
  /** The form as it opened (what both versions started from). */
  initial: Values;
  /** Their version (a 412's `current`) as form values. */
  valuesOf(current: Record<string, unknown>): Values;
  /** What to send on top of their version to end with `resolved`; null when that is their version already. */
  inputOf(resolved: Values, theirs: Values): Input | null;
  /** Fields that are picks (owner, progress): kept or taken, never merged by hand. */
  picks?: readonly string[];
  /** A person's name from their id. */
  nameOf?: (id: string) => string | undefined;
}

interface Props<Values extends object, Input> {
  title: string;
  form: Pick<EditForm<Values, Input>, 'saving' | 'formError' | 'conflict' | 'send' | 'values'>;
  mapping: FormMapping<Values, Input>;
  onSubmit(): void | Promise<void>;
  /** `tookTheirs`: the person kept their colleague's version as it is. */
  onClose(changed: boolean, tookTheirs?: boolean): void;
  children: ReactNode;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The fields where my unsaved form and their saved version differ, in the editor's words. */
function conflictFields<Values extends object>(base: Values, mine: Values, theirs: Values, mapping: FormMapping<Values, unknown>): FieldConflict[] {
  const record = (values: Values) => values as Record<string, unknown>;
  return Object.keys(record(mine))
    .filter((field) => text(record(mine)[field]) !== text(record(theirs)[field]))
    .map((field) => {
      const words = (value: string) => (field === 'ownerId' || field === 'progress' ? valueInWords(field, value || null, mapping.nameOf) : value || valueInWords(field, null));
      return {
        field,
        label: labelOf(field),
        base: text(record(base)[field]),
        mine: text(record(mine)[field]),
        theirs: text(record(theirs)[field]),
        mineShown: words(text(record(mine)[field])),
        theirsShown: words(text(record(theirs)[field])),
        mergeable: !(mapping.picks ?? []).includes(field),
      };
    });
}

/** An edit of the strategy map: on a 412 it shows who changed which field, to keep, take or merge each. */
export function MapEditDialog<Values extends object, Input>({ title, form, mapping, onSubmit, onClose, children }: Props<Values, Input>) {
  const { saving, formError, conflict, send } = form;
  const t = strategyEditorText.useText();
  let panel: ReactNode = null;
  if (conflict) {
    const theirs = mapping.valuesOf(conflict.current);
    const etag = String(conflict.current.etag ?? '');
    panel = (
      <FieldConflictPanel
        key={etag}
        fields={conflictFields(mapping.initial, conflict.mine, theirs, mapping as FormMapping<Values, unknown>)}
        recentChanges={conflict.recentChanges}
        busy={saving}
        onTakeAllTheirs={() => onClose(true, true)}
        onSave={(chosen) => {
          const resolved = { ...theirs, ...chosen } as Values;
          const input = mapping.inputOf(resolved, theirs);
          if (input === null) return onClose(true, true);
          void send(input, etag);
        }}
      />
    );
  }
  return (
    <FormDialog title={title} submitLabel={t('dialog.save')} busy={saving} error={formError} onSubmit={onSubmit} onClose={() => onClose(false)} conflict={panel} size="wide">
      {children}
    </FormDialog>
  );
}
