import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { createContext, useContext, type KeyboardEvent, type ReactNode } from 'react';

/**
 * The shell's row of areas: a tab list with Fluent's look (medium, transparent) and the ARIA tabs
 * pattern (one tab stop, arrow keys move between tabs, Enter or Space opens one). Fluent's TabList
 * brought 12 KB gzipped to the home view's download (its styles for every size and appearance, and
 * tabster's arrow-key navigation); this is ~1 KB. Same props as Fluent's for what the shell uses, so
 * swapping back is an import. The other areas' own tab lists are still Fluent's.
 */

type SelectHandler = (event: unknown, data: { value: string }) => void;

const TabListContext = createContext<{ selectedValue: string; onTabSelect: SelectHandler } | null>(null);

const indicator = {
  content: '""',
  position: 'absolute',
  bottom: 0,
  left: tokens.spacingHorizontalM,
  right: tokens.spacingHorizontalM,
  height: tokens.strokeWidthThicker,
  borderRadius: tokens.borderRadiusCircular,
} as const;

const useStyles = makeStyles({
  list: { display: 'flex', alignItems: 'center' },
  tab: {
    position: 'relative',
    display: 'inline-grid',
    flexShrink: 0,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalMNudge}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightRegular,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorTransparentBackgroundHover, color: tokens.colorNeutralForeground2Hover },
    ':hover::before': { ...indicator, backgroundColor: tokens.colorNeutralStroke1Hover },
    ':active': { backgroundColor: tokens.colorTransparentBackgroundPressed, color: tokens.colorNeutralForeground2Pressed },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})` },
    '@media (forced-colors: active)': { ':hover::before': { backgroundColor: 'Highlight' } },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    ':hover': { color: tokens.colorNeutralForeground1Hover },
    '::after': { ...indicator, backgroundColor: tokens.colorCompoundBrandStroke },
    ':hover::after': { backgroundColor: tokens.colorCompoundBrandStrokeHover },
    '@media (forced-colors: active)': { '::after': { backgroundColor: 'ButtonText' }, ':hover::after': { backgroundColor: 'ButtonText' } },
  },
  // The label and a hidden bold copy share one grid cell, so a tab keeps its width when it is selected.
  label: { gridArea: '1 / 1', padding: `0 ${tokens.spacingHorizontalXXS}` },
  reserved: { gridArea: '1 / 1', padding: `0 ${tokens.spacingHorizontalXXS}`, fontWeight: tokens.fontWeightSemibold, visibility: 'hidden' },
});

const NEXT: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };

export function TabList({ selectedValue, onTabSelect, children }: { selectedValue: string; onTabSelect: SelectHandler; size?: 'medium'; children: ReactNode }) {
  const styles = useStyles();
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const tabs = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    const at = tabs.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0 || tabs.length === 0) return;
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const step = (NEXT[event.key] ?? 0) * (rtl ? -1 : 1);
    const target = event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : step !== 0 ? (at + step + tabs.length) % tabs.length : -1;
    if (target < 0) return;
    event.preventDefault();
    tabs[target]?.focus();
  };
  return (
    <div role="tablist" aria-orientation="horizontal" className={styles.list} onKeyDown={move}>
      <TabListContext.Provider value={{ selectedValue, onTabSelect }}>{children}</TabListContext.Provider>
    </div>
  );
}

export function Tab({ value, children }: { value: string; children: ReactNode }) {
  const styles = useStyles();
  const list = useContext(TabListContext);
  const selected = list?.selectedValue === value;
  return (
    <button
      type="button"
      role="tab"
      aria-selected={selected}
      tabIndex={selected ? 0 : -1}
      // Fluent's Tab puts its value on the button; browser tests read it.
      value={value}
      className={mergeClasses(styles.tab, selected && styles.selected)}
      onClick={(event) => list?.onTabSelect(event, { value })}
    >
      <span className={styles.label}>{children}</span>
      <span className={styles.reserved} aria-hidden="true">
        {children}
      </span>
    </button>
  );
}
