import { Combobox, Option, makeStyles, type ComboboxProps } from '@fluentui/react-components';
import { useState } from 'react';
import { pagedStatus } from './SearchablePagedList';
import { usePagedSearch, type FetchPage } from './use-paged-search';
import { componentsText } from './messages';

const useStyles = makeStyles({
  picker: { minWidth: 0, maxWidth: '100%' },
  // Visually hidden, still read by screen readers.
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

export interface PickedOption {
  id: string;
  label: string;
}

/** What a Fluent Field hands its control (label, hint, error, required), passed on to the Combobox. */
export type FieldControlProps = Pick<ComboboxProps, 'id' | 'aria-labelledby' | 'aria-describedby' | 'aria-invalid' | 'aria-required'>;

export interface PagedPickerProps<T> extends FieldControlProps {
  fetchPage: FetchPage<T>;
  toOption(item: T): PickedOption & { detail?: string };
  /** What is chosen now (null: nothing). */
  selected: PickedOption | null;
  onSelect(option: PickedOption | null): void;
  /** An option that clears the choice, e.g. "Nobody yet"; absent: none. */
  noneLabel?: string;
  noun: { one: string; many: string };
  placeholder?: string;
}

const MORE = '\u0000more';
const NONE = '\u0000none';

/**
 * Pick one of many by typing part of its name (issue 13): a Fluent Combobox over a server-searched,
 * paged list, with a "Load more" option at the end and the count said to screen readers.
 */
export function PagedPicker<T>({ fetchPage, toOption, selected, onSelect, noneLabel, noun, placeholder, ...fieldProps }: PagedPickerProps<T>) {
  const styles = useStyles();
  const t = componentsText.useText();
  const [open, setOpen] = useState(false);
  // Asks the server only once the picker is first opened or typed in: a closed picker costs nothing.
  const [used, setUsed] = useState(false);
  const search = usePagedSearch(fetchPage, 20, used);
  const [typing, setTyping] = useState<string | null>(null);
  const options = search.items.map(toOption);

  return (
    <>
    <Combobox
      {...fieldProps}
      className={styles.picker}
      freeform
      // Inline, not in a portal: the app's provider styles (min-height: 100vh) reach portal roots, and
      // a portal opened inside a dialog would then lie over the dialog's buttons. Fixed: never clipped.
      inlinePopup
      positioning={{ strategy: 'fixed' }}
      open={open}
      onOpenChange={(_, data) => {
        setOpen(data.open);
        if (data.open) setUsed(true);
        if (!data.open) setTyping(null);
      }}
      value={typing ?? selected?.label ?? (noneLabel && selected === null ? noneLabel : '')}
      placeholder={placeholder}
      selectedOptions={selected ? [selected.id] : noneLabel ? [NONE] : []}
      onChange={(event) => {
        setTyping(event.target.value);
        search.setQuery(event.target.value);
        setUsed(true);
        setOpen(true);
      }}
      onOptionSelect={(_, data) => {
        if (data.optionValue === MORE) {
          void search.loadMore();
          setOpen(true);
          return;
        }
        // Typing over the chosen name makes Fluent clear the selection (no optionValue): the choice stays until another is picked.
        if (data.optionValue === undefined) return;
        setTyping(null);
        if (data.optionValue === NONE) return onSelect(null);
        const chosen = options.find((option) => option.id === data.optionValue);
        if (chosen) onSelect({ id: chosen.id, label: chosen.label });
      }}
    >
      {noneLabel && (
        <Option value={NONE} text={noneLabel}>
          {noneLabel}
        </Option>
      )}
      {options.map((option) => (
        <Option key={option.id} value={option.id} text={option.label}>
          {option.detail ? t('picker.withDetail', { label: option.label, detail: option.detail }) : option.label}
        </Option>
      ))}
      {search.status === 'ready' && search.hasMore && (
        <Option value={MORE} text={t('paged.loadMore', { many: noun.many })}>
          {search.loadingMore ? t('paged.loadingMore', { many: noun.many }) : t('paged.loadMore', { many: noun.many })}
        </Option>
      )}
      {/* Only a settled answer gets a (disabled) line: a placeholder that vanishes when results come would leave keyboard focus on nothing. */}
      {search.status !== 'loading' && options.length === 0 && (
        <Option value={MORE} text="" disabled>
          {pagedStatus(search, noun)}
        </Option>
      )}
    </Combobox>
    {/* Said once per change, outside the listbox (a listbox holds only options). */}
    <span role="status" aria-live="polite" className={styles.hidden}>
      {open ? pagedStatus(search, noun) : ''}
    </span>
    </>
  );
}
