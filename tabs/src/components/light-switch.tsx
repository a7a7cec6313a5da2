import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, type ChangeEvent } from 'react';

/**
 * Fluent's Switch (medium, label after) as the task-sources panel uses it: a checkbox with role
 * "switch" over a drawn track and thumb, in Fluent's tokens, for light, dark and high contrast.
 * Fluent's own (with Field integration and every size and label position) took ~4 KB gzipped of the
 * home view's download; this is well under 1 KB. Same props as Fluent's for what the panel uses, so
 * swapping back is an import. The other areas use Fluent's.
 */

const useStyles = makeStyles({
  root: { position: 'relative', display: 'inline-flex', alignItems: 'flex-start', boxSizing: 'border-box' },
  // Invisible, over the track: the real control, for pointer, keyboard and screen readers.
  input: {
    position: 'absolute',
    top: 0,
    left: 0,
    boxSizing: 'border-box',
    width: `calc(40px + 2 * ${tokens.spacingHorizontalS})`,
    height: '100%',
    margin: 0,
    opacity: 0,
    cursor: 'pointer',
    ':disabled': { cursor: 'default' },
  },
  track: {
    display: 'flex',
    alignItems: 'center',
    flexShrink: 0,
    boxSizing: 'border-box',
    width: '40px',
    height: '20px',
    margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    padding: '0 2px',
    borderRadius: tokens.borderRadiusCircular,
    // The border follows the thumb's colour (currentColor), so the states below set one colour.
    border: '1px solid currentColor',
    color: tokens.colorNeutralStrokeAccessible,
    pointerEvents: 'none',
    transitionProperty: 'background, border, color',
    transitionDuration: tokens.durationNormal,
    '@media screen and (prefers-reduced-motion: reduce)': { transitionDuration: '0.01ms' },
  },
  thumb: {
    width: '14px',
    height: '14px',
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: 'currentColor',
    transitionProperty: 'transform',
    transitionDuration: tokens.durationNormal,
    '@media screen and (prefers-reduced-motion: reduce)': { transitionDuration: '0.01ms' },
    '@media (forced-colors: active)': { forcedColorAdjust: 'none', backgroundColor: 'CanvasText' },
  },
  unchecked: {
    ':enabled:hover + *': { color: tokens.colorNeutralStrokeAccessibleHover },
    ':enabled:active + *': { color: tokens.colorNeutralStrokeAccessiblePressed },
  },
  checked: {
    '& + *': { backgroundColor: tokens.colorCompoundBrandBackground, border: `1px solid ${tokens.colorTransparentStroke}`, color: tokens.colorNeutralForegroundInverted },
    // Griffel writes the right-to-left rule (translateX(-20px)) itself.
    '& + * > *': { transform: 'translateX(20px)' },
    ':enabled:hover + *': { backgroundColor: tokens.colorCompoundBrandBackgroundHover },
    ':enabled:active + *': { backgroundColor: tokens.colorCompoundBrandBackgroundPressed },
    '@media (forced-colors: active)': { '& + *': { backgroundColor: 'Highlight' }, '& + * > *': { backgroundColor: 'Canvas' } },
  },
  disabled: {
    '& + *': { border: `1px solid ${tokens.colorNeutralStrokeDisabled}`, color: tokens.colorNeutralForegroundDisabled },
    ':checked + *': { backgroundColor: tokens.colorNeutralBackgroundDisabled, border: `1px solid ${tokens.colorTransparentStrokeDisabled}` },
    '& + * + label': { color: tokens.colorNeutralForegroundDisabled, cursor: 'default' },
    '@media (forced-colors: active)': { '& + *': { color: 'GrayText', border: '1px solid GrayText' }, '& + * + label': { color: 'GrayText' }, '& + * > *': { backgroundColor: 'GrayText' } },
  },
  focus: { ':focus-visible + *': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: tokens.strokeWidthThin } },
  label: {
    cursor: 'pointer',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
});

interface Props {
  checked: boolean;
  disabled?: boolean;
  label: string;
  onChange(event: ChangeEvent<HTMLInputElement>, data: { checked: boolean }): void;
}

export function Switch({ checked, disabled = false, label, onChange }: Props) {
  const styles = useStyles();
  const id = useId();
  return (
    <div className={styles.root}>
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event, { checked: event.currentTarget.checked })}
        className={mergeClasses(styles.input, styles.focus, checked ? styles.checked : styles.unchecked, disabled && styles.disabled)}
      />
      <div className={styles.track} aria-hidden="true">
        <div className={styles.thumb} />
      </div>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
    </div>
  );
}
